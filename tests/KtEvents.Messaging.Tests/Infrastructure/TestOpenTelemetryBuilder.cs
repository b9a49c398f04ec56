using Microsoft.Extensions.DependencyInjection;

using OpenTelemetry;

namespace KtEvents.Messaging.Tests.Infrastructure;

/// <summary>
/// What ServiceDefaults' <c>AddOpenTelemetry()</c> hands to <c>WithTracing</c>: the SDK registers its
/// TracerProvider in the service collection, applying every <c>ConfigureOpenTelemetryTracerProvider</c>
/// callback, including the one AddRabbitMQClient registers.
/// </summary>
internal sealed class TestOpenTelemetryBuilder(IServiceCollection services) : IOpenTelemetryBuilder
{
    public IServiceCollection Services { get; } = services;
}
