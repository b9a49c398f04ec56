using KtEvents.Dashboard.Otlp.Proto;
using KtEvents.Dashboard.Telemetry;
using Microsoft.Extensions.Logging;

namespace KtEvents.Dashboard.Otlp;

/// <summary>Flattens an OTLP log export (resource → scope → record) into stored logs.</summary>
internal static class OtlpLogMapper
{
    public static List<StoredLog> Map(ExportLogsServiceRequest request)
    {
        var logs = new List<StoredLog>();
        foreach (var resourceLogs in request.ResourceLogs)
        {
            var service = OtlpValues.ServiceName(resourceLogs.Resource);
            foreach (var scopeLogs in resourceLogs.ScopeLogs)
            {
                var category = scopeLogs.Scope?.Name ?? "";
                foreach (var record in scopeLogs.LogRecords)
                {
                    // The spec says to fall back to the observed time when the event time is missing.
                    var time = record.TimeUnixNano != 0 ? record.TimeUnixNano : record.ObservedTimeUnixNano;
                    var message = record.Body is null ? record.EventName : OtlpValues.Format(record.Body);
                    logs.Add(new StoredLog(
                        OtlpValues.ToTime(time),
                        ToLevel(record.SeverityNumber),
                        record.SeverityText,
                        service,
                        category,
                        message,
                        OtlpValues.Attributes(record.Attributes),
                        OtlpValues.ToHex(record.TraceId),
                        OtlpValues.ToHex(record.SpanId)));
                }
            }
        }

        return logs;
    }

    /// <summary>
    /// OTLP severities come in bands of four (TRACE 1-4 … FATAL 21-24). A record without one is
    /// shown as Information: hiding it under a "warnings and up" filter is safer than flagging it.
    /// </summary>
    private static LogLevel ToLevel(SeverityNumber severity) => (int)severity switch
    {
        >= 21 => LogLevel.Critical,
        >= 17 => LogLevel.Error,
        >= 13 => LogLevel.Warning,
        >= 9 => LogLevel.Information,
        >= 5 => LogLevel.Debug,
        >= 1 => LogLevel.Trace,
        _ => LogLevel.Information,
    };
}
