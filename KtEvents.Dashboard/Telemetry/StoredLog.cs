using Microsoft.Extensions.Logging;

namespace KtEvents.Dashboard.Telemetry;

/// <summary>
/// One received log record. <see cref="Category"/> is the instrumentation scope, which the .NET
/// logging provider fills with the logger's category name.
/// </summary>
public sealed record StoredLog(
    DateTimeOffset Time,
    LogLevel Level,
    string SeverityText,
    string ServiceName,
    string Category,
    string Message,
    IReadOnlyList<TelemetryAttribute> Attributes,
    string? TraceId,
    string? SpanId);
