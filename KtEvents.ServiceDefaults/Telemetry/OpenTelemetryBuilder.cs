using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

using OpenTelemetry;

namespace KtEvents.ServiceDefaults.Telemetry;

/// <summary>
/// Stand-in for OpenTelemetry.Extensions.Hosting's builder. The SDK core package already knows how to
/// register providers in an <see cref="IServiceCollection"/> through <see cref="IOpenTelemetryBuilder"/>
/// (<c>WithTracing</c>, <c>WithMetrics</c>, <c>WithLogging</c>, <c>UseOtlpExporter</c>); what the hosting
/// package adds is only this builder and a hosted service that creates the providers at start.
/// </summary>
public sealed class OpenTelemetryBuilder : IOpenTelemetryBuilder
{
    internal OpenTelemetryBuilder(IServiceCollection services)
    {
        Services = services;
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, TelemetryHostedService>());
    }

    /// <inheritdoc />
    public IServiceCollection Services { get; }
}
