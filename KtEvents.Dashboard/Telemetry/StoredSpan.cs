using System.Diagnostics;

namespace KtEvents.Dashboard.Telemetry;

/// <summary>One received span. Ids are lower-case hex, as W3C <c>traceparent</c> writes them.</summary>
public sealed record StoredSpan(
    string TraceId,
    string SpanId,
    string? ParentSpanId,
    string Name,
    ActivityKind Kind,
    string ServiceName,
    string ScopeName,
    DateTimeOffset Start,
    DateTimeOffset End,
    bool IsError,
    string? StatusMessage,
    IReadOnlyList<TelemetryAttribute> Attributes,
    IReadOnlyList<SpanEvent> Events)
{
    public TimeSpan Duration => End - Start;
}
