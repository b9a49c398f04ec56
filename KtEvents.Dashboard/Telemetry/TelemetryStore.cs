using Microsoft.Extensions.Options;

namespace KtEvents.Dashboard.Telemetry;

/// <summary>
/// The dashboard's memory of received spans and logs: bounded, thread-safe, queried by the pages.
/// One lock guards everything; exports are small batches and queries copy what they return, so
/// the lock is never held for long and nothing handed out can change under a reader.
/// </summary>
public sealed class TelemetryStore(IOptions<TelemetryOptions> options)
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, LinkedListNode<TraceEntry>> traces = [];
    private readonly LinkedList<TraceEntry> tracesByArrival = [];
    private readonly LinkedList<StoredLog> logs = [];
    private readonly List<TelemetrySubscription> subscribers = [];
    private readonly int maxSpans = Math.Max(1, options.Value.MaxSpanCount);
    private readonly int maxLogs = Math.Max(1, options.Value.MaxLogCount);
    private int spanCount;

    public int SpanCount
    {
        get { lock (gate) { return spanCount; } }
    }

    public int TraceCount
    {
        get { lock (gate) { return traces.Count; } }
    }

    public int LogCount
    {
        get { lock (gate) { return logs.Count; } }
    }

    /// <summary>Adds spans; past capacity the traces that arrived first are dropped whole.</summary>
    public void AddSpans(IEnumerable<StoredSpan> spans)
    {
        var added = 0;
        var traceIds = new HashSet<string>();
        lock (gate)
        {
            foreach (var span in spans)
            {
                if (!traces.TryGetValue(span.TraceId, out var node))
                {
                    node = tracesByArrival.AddLast(new TraceEntry(span.TraceId));
                    traces.Add(span.TraceId, node);
                }

                if (node.Value.TryAdd(span))
                {
                    spanCount++;
                    added++;
                    traceIds.Add(span.TraceId);
                }
            }

            while (spanCount > maxSpans && tracesByArrival.First is { } oldest)
            {
                tracesByArrival.RemoveFirst();
                traces.Remove(oldest.Value.TraceId);
                spanCount -= oldest.Value.Spans.Count;
                traceIds.Remove(oldest.Value.TraceId);
            }
        }

        if (added > 0)
        {
            Publish(new TelemetryChange(added, 0, [.. traceIds]));
        }
    }

    public void AddLogs(IEnumerable<StoredLog> records)
    {
        var added = 0;
        lock (gate)
        {
            foreach (var record in records)
            {
                logs.AddLast(record);
                added++;
            }

            while (logs.Count > maxLogs)
            {
                logs.RemoveFirst();
            }
        }

        if (added > 0)
        {
            Publish(new TelemetryChange(0, added, []));
        }
    }

    /// <summary>Traces, newest start first, optionally only those a service took part in.</summary>
    public IReadOnlyList<TraceSummary> ListTraces(string? service = null, int limit = 200)
    {
        List<(string TraceId, StoredSpan[] Spans)> snapshot;
        lock (gate)
        {
            snapshot = [.. traces.Values.Select(n => (n.Value.TraceId, n.Value.Spans.ToArray()))];
        }

        return snapshot
            .Select(t => TraceLayout.Summarize(t.TraceId, t.Spans))
            .Where(t => service is null || t.Services.Contains(service, StringComparer.OrdinalIgnoreCase))
            .OrderByDescending(t => t.Start)
            .Take(limit)
            .ToList();
    }

    public TraceDetail? GetTrace(string traceId)
    {
        var key = traceId.ToLowerInvariant();
        StoredSpan[] spans;
        lock (gate)
        {
            if (!traces.TryGetValue(key, out var node))
            {
                return null;
            }

            spans = [.. node.Value.Spans];
        }

        return TraceLayout.Arrange(key, spans);
    }

    /// <summary>Logs matching the query, newest first.</summary>
    public IReadOnlyList<StoredLog> ListLogs(LogQuery query)
    {
        var traceId = query.TraceId?.ToLowerInvariant();
        var result = new List<StoredLog>();
        lock (gate)
        {
            for (var node = logs.Last; node is not null && result.Count < query.Limit; node = node.Previous)
            {
                var log = node.Value;
                if ((query.Service is null || string.Equals(log.ServiceName, query.Service, StringComparison.OrdinalIgnoreCase))
                    && (query.MinLevel is null || log.Level >= query.MinLevel)
                    && (traceId is null || log.TraceId == traceId)
                    && (string.IsNullOrEmpty(query.Text) || Mentions(log, query.Text)))
                {
                    result.Add(log);
                }
            }
        }

        return result;
    }

    /// <summary>Every service name seen in the spans and logs held, for the pages' service filter.</summary>
    public IReadOnlyList<string> ListServices()
    {
        lock (gate)
        {
            return traces.Values.SelectMany(n => n.Value.Spans).Select(s => s.ServiceName)
                .Concat(logs.Select(l => l.ServiceName))
                .Distinct(StringComparer.Ordinal)
                .Order(StringComparer.Ordinal)
                .ToList();
        }
    }

    public TelemetrySubscription Subscribe()
    {
        var subscription = new TelemetrySubscription(Unsubscribe);
        lock (gate)
        {
            subscribers.Add(subscription);
        }

        return subscription;
    }

    private void Unsubscribe(TelemetrySubscription subscription)
    {
        lock (gate)
        {
            subscribers.Remove(subscription);
        }
    }

    private void Publish(TelemetryChange change)
    {
        TelemetrySubscription[] targets;
        lock (gate)
        {
            targets = [.. subscribers];
        }

        foreach (var target in targets)
        {
            target.Publish(change);
        }
    }

    private static bool Mentions(StoredLog log, string text) =>
        log.Message.Contains(text, StringComparison.OrdinalIgnoreCase)
        || log.Category.Contains(text, StringComparison.OrdinalIgnoreCase)
        || log.Attributes.Any(a => a.Value.Contains(text, StringComparison.OrdinalIgnoreCase));
}
