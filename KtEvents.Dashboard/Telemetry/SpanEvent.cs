namespace KtEvents.Dashboard.Telemetry;

/// <summary>A time-stamped annotation on a span, such as an exception record.</summary>
public sealed record SpanEvent(string Name, DateTimeOffset Time, IReadOnlyList<TelemetryAttribute> Attributes);
