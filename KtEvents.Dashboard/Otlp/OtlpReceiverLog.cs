using Microsoft.Extensions.Logging;

namespace KtEvents.Dashboard.Otlp;

/// <summary>
/// A rejected export means a service is misconfigured (wrong endpoint, protocol or key) and its
/// telemetry is silently missing from the dashboard, so it is worth a warning.
/// </summary>
internal static partial class OtlpReceiverLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Warning, Message = "OTLP {Signal} export rejected with {StatusCode}: {Reason}")]
    public static partial void ExportRejected(ILogger logger, string signal, int statusCode, string reason);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "OTLP {Signal} export has a body that is not valid protobuf")]
    public static partial void ExportUndecodable(ILogger logger, string signal, Exception exception);

    [LoggerMessage(EventId = 3, Level = LogLevel.Debug, Message = "OTLP {Signal} export dropped {Rejected} items without valid ids")]
    public static partial void ItemsRejected(ILogger logger, string signal, int rejected);
}
