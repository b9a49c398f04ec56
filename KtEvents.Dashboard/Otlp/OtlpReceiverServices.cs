using KtEvents.Dashboard.Telemetry;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace KtEvents.Dashboard.Otlp;

/// <summary>What every OTLP endpoint needs, handed over as one <c>[AsParameters]</c> argument.</summary>
public sealed record OtlpReceiverServices(
    TelemetryStore Store,
    IOptions<TelemetryOptions> Options,
    ILoggerFactory LoggerFactory)
{
    public ILogger Logger => LoggerFactory.CreateLogger("KtEvents.Dashboard.Otlp.OtlpHttpReceiver");
}
