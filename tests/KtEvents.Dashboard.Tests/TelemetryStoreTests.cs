using System.Diagnostics;
using KtEvents.Dashboard.Telemetry;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace KtEvents.Dashboard.Tests;

/// <summary>The store on its own: capacity, waterfall order, and the change feed.</summary>
public sealed class TelemetryStoreTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 20, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Over_capacity_the_oldest_traces_are_evicted_whole()
    {
        var store = new TelemetryStore(Options.Create(new TelemetryOptions { MaxSpanCount = 10 }));

        for (var trace = 0; trace < 5; trace++)
        {
            var traceId = TraceId(trace);
            store.AddSpans([
                Span(traceId, "a0", null, 0, 30),
                Span(traceId, "b0", "a0", 5, 10),
                Span(traceId, "c0", "a0", 10, 10),
            ]);
        }

        // 15 spans into room for 10: traces 0 and 1 go, and no trace is left with a missing span.
        Assert.Equal((3, 9), (store.TraceCount, store.SpanCount));
        Assert.Null(store.GetTrace(TraceId(0)));
        Assert.Null(store.GetTrace(TraceId(1)));
        Assert.All(store.ListTraces(), t => Assert.Equal(3, t.SpanCount));

        // A late span of a held trace joins it; the eviction it causes still takes the oldest whole.
        store.AddSpans([Span(TraceId(4), "d0", "a0", 12, 1), Span(TraceId(4), "e0", "a0", 13, 1)]);
        Assert.Equal((2, 8), (store.TraceCount, store.SpanCount));
        Assert.Null(store.GetTrace(TraceId(2)));
        Assert.Equal(5, store.GetTrace(TraceId(4))!.Spans.Count);
    }

    [Fact]
    public async Task Concurrent_exports_and_queries_keep_the_counts_consistent_and_bounded()
    {
        var store = new TelemetryStore(Options.Create(new TelemetryOptions { MaxSpanCount = 100 }));

        // Four writers of 2-span traces against one reader; every snapshot must hold whole traces.
        var writers = Enumerable.Range(0, 4).Select(w => Task.Run(() =>
        {
            for (var i = 0; i < 500; i++)
            {
                var traceId = TraceId((w * 1000) + i);
                store.AddSpans([Span(traceId, "a0", null, i, 10), Span(traceId, "b0", "a0", i + 1, 5)]);
            }
        })).ToArray();
        var reader = Task.Run(async () =>
        {
            while (!writers.All(w => w.IsCompleted))
            {
                Assert.All(store.ListTraces(), t => Assert.Equal(2, t.SpanCount));
                await Task.Yield();
            }
        });
        await Task.WhenAll([.. writers, reader]);

        Assert.Equal((50, 100), (store.TraceCount, store.SpanCount));
        Assert.Equal(100, store.ListTraces(limit: 1000).Sum(t => t.SpanCount));
    }

    [Fact]
    public void Over_capacity_the_oldest_logs_are_dropped()
    {
        var store = new TelemetryStore(Options.Create(new TelemetryOptions { MaxLogCount = 10 }));

        store.AddLogs(Enumerable.Range(0, 25).Select(i =>
            new StoredLog(T0.AddSeconds(i), LogLevel.Information, "Information", "event", "Tests", $"line {i}", [], null, null)));

        var logs = store.ListLogs(new LogQuery());
        Assert.Equal(10, store.LogCount);
        Assert.Equal(Enumerable.Range(15, 10).Reverse().Select(i => $"line {i}"), logs.Select(l => l.Message));
    }

    [Fact]
    public void A_resent_span_is_not_stored_twice()
    {
        var store = new TelemetryStore(Options.Create(new TelemetryOptions()));
        var span = Span(TraceId(1), "a0", null, 0, 10);

        store.AddSpans([span]);
        store.AddSpans([span]);

        Assert.Equal(1, store.SpanCount);
    }

    [Fact]
    public void The_waterfall_is_depth_first_with_siblings_by_start_and_orphans_shown_as_roots()
    {
        var store = new TelemetryStore(Options.Create(new TelemetryOptions()));
        var traceId = TraceId(7);

        // Sent out of order, as batches from several services arrive.
        store.AddSpans([
            Span(traceId, "c1", "a0", 40, 20),
            Span(traceId, "b2", "b1", 15, 5),
            Span(traceId, "a0", null, 0, 100),
            Span(traceId, "b1", "a0", 10, 30),
            Span(traceId, "f1", "missing", 50, 5),
        ]);

        var trace = store.GetTrace(traceId.ToUpperInvariant())!;
        Assert.Equal(["a0", "b1", "b2", "c1", "f1"], trace.Spans.Select(s => s.Span.SpanId));
        Assert.Equal([0, 1, 2, 1, 0], trace.Spans.Select(s => s.Depth));
        Assert.Equal([0d, 10d, 15d, 40d, 50d], trace.Spans.Select(s => s.OffsetMs));
        Assert.Equal("a0-name", trace.Summary.RootName);
    }

    [Fact]
    public void Traces_are_listed_newest_first()
    {
        var store = new TelemetryStore(Options.Create(new TelemetryOptions()));
        store.AddSpans([Span(TraceId(1), "a0", null, 500, 10)]);
        store.AddSpans([Span(TraceId(2), "a0", null, 900, 10)]);
        store.AddSpans([Span(TraceId(3), "a0", null, 100, 10)]);

        Assert.Equal([TraceId(2), TraceId(1), TraceId(3)], store.ListTraces().Select(t => t.TraceId));
    }

    [Fact]
    public async Task Subscribers_hear_what_was_added()
    {
        var store = new TelemetryStore(Options.Create(new TelemetryOptions()));
        using var subscription = store.Subscribe();

        store.AddSpans([Span(TraceId(1), "a0", null, 0, 10), Span(TraceId(1), "b0", "a0", 1, 2)]);
        store.AddLogs([new StoredLog(T0, LogLevel.Error, "Error", "ai", "Tests", "failed", [], null, null)]);

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var spans = await subscription.Reader.ReadAsync(timeout.Token);
        var logs = await subscription.Reader.ReadAsync(timeout.Token);
        Assert.Equal((2, 0), (spans.SpansAdded, spans.LogsAdded));
        Assert.Equal([TraceId(1)], spans.TraceIds);
        Assert.Equal((0, 1), (logs.SpansAdded, logs.LogsAdded));
    }

    private static string TraceId(int n) => n.ToString("x32", System.Globalization.CultureInfo.InvariantCulture);

    private static StoredSpan Span(string traceId, string spanId, string? parentId, int startMs, int durationMs) =>
        new(traceId, spanId, parentId, spanId + "-name", ActivityKind.Internal, "event", "Tests",
            T0.AddMilliseconds(startMs), T0.AddMilliseconds(startMs + durationMs), false, null, [], []);
}
