namespace KtEvents.Dashboard.Telemetry;

/// <summary>One trace, its spans in waterfall order (depth first, siblings by start time).</summary>
public sealed record TraceDetail(TraceSummary Summary, IReadOnlyList<WaterfallSpan> Spans);
