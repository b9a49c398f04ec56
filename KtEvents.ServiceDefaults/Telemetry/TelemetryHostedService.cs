using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace KtEvents.ServiceDefaults.Telemetry;

/// <summary>
/// Resolves the tracer, meter and logger providers when the host starts. They are lazy DI singletons,
/// and nothing else asks for the tracer or meter provider, so without this no listener would exist and
/// no span or metric would be recorded. The container owns them, so disposing the host disposes
/// them, which flushes whatever the batch processors still hold.
/// </summary>
internal sealed class TelemetryHostedService(IServiceProvider services) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        services.GetService<TracerProvider>();
        services.GetService<MeterProvider>();
        services.GetService<LoggerProvider>();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
