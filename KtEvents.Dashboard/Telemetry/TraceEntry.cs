namespace KtEvents.Dashboard.Telemetry;

/// <summary>The spans received so far for one trace id; guarded by the store's lock.</summary>
internal sealed class TraceEntry(string traceId)
{
    private readonly HashSet<string> spanIds = [];

    public string TraceId { get; } = traceId;

    public List<StoredSpan> Spans { get; } = [];

    /// <summary>False for a span already held: exporters retry, and a retried batch must not double a span.</summary>
    public bool TryAdd(StoredSpan span)
    {
        if (!spanIds.Add(span.SpanId))
        {
            return false;
        }

        Spans.Add(span);
        return true;
    }
}
