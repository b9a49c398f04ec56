namespace KtEvents.Dashboard.Telemetry;

/// <summary>Summary and waterfall order of one trace's spans, computed on query from a snapshot.</summary>
internal static class TraceLayout
{
    public static TraceSummary Summarize(string traceId, IReadOnlyList<StoredSpan> spans)
    {
        var start = spans.Min(s => s.Start);
        var end = spans.Max(s => s.End);
        var root = Roots(spans).MinBy(s => s.Start) ?? spans[0];
        var services = spans.OrderBy(s => s.Start).Select(s => s.ServiceName).Distinct().ToList();
        return new TraceSummary(
            traceId, root.Name, root.ServiceName, services, start, end - start, spans.Count, spans.Any(s => s.IsError));
    }

    public static TraceDetail Arrange(string traceId, IReadOnlyList<StoredSpan> spans)
    {
        var summary = Summarize(traceId, spans);
        var children = spans
            .Where(s => s.ParentSpanId is not null)
            .ToLookup(s => s.ParentSpanId!);
        var ordered = new List<WaterfallSpan>(spans.Count);

        // An explicit stack instead of recursion: a deep trace (a retry loop of nested calls) must
        // not be able to overflow the thread's stack. Children go on in reverse so the earliest pops first.
        var stack = new Stack<(StoredSpan Span, int Depth)>();
        foreach (var root in Roots(spans).OrderByDescending(s => s.Start))
        {
            stack.Push((root, 0));
        }

        while (stack.TryPop(out var item))
        {
            ordered.Add(new WaterfallSpan(
                item.Span,
                item.Depth,
                (item.Span.Start - summary.Start).TotalMilliseconds,
                item.Span.Duration.TotalMilliseconds));
            foreach (var child in children[item.Span.SpanId].OrderByDescending(s => s.Start))
            {
                stack.Push((child, item.Depth + 1));
            }
        }

        return new TraceDetail(summary, ordered);
    }

    /// <summary>
    /// Spans without a parent in this trace. A parent that has not arrived (still running, or sent
    /// by a service that does not export) makes its children roots, so they are still shown.
    /// </summary>
    private static IEnumerable<StoredSpan> Roots(IReadOnlyList<StoredSpan> spans)
    {
        var ids = spans.Select(s => s.SpanId).ToHashSet();
        return spans.Where(s => s.ParentSpanId is null || !ids.Contains(s.ParentSpanId));
    }
}
