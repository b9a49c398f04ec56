namespace KtEvents.Dashboard.Telemetry;

/// <summary>
/// A span placed on the waterfall: <see cref="Depth"/> is its indent, and the bar runs from
/// <see cref="OffsetMs"/> for <see cref="WidthMs"/> milliseconds after the trace's start, so
/// parallel branches show as overlapping bars.
/// </summary>
public sealed record WaterfallSpan(StoredSpan Span, int Depth, double OffsetMs, double WidthMs);
