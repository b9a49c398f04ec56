using KtEvents.Dashboard.Resources;

namespace KtEvents.Dashboard.Tests;

/// <summary>The store the orchestrator appends process output to: bounded per resource, filterable, resumable, live.</summary>
public sealed class ConsoleLogStoreTests
{
    [Fact]
    public void Each_resource_keeps_only_its_last_lines()
    {
        var store = new ConsoleLogStore(maxLinesPerResource: 3);
        for (var i = 1; i <= 5; i++)
        {
            store.Append("event-0", $"line {i}", isError: false);
        }

        store.Append("cache", "ready", isError: false);

        Assert.Equal(["line 3", "line 4", "line 5"], store.Read("event-0").Select(l => l.Text));
        Assert.Equal(["ready"], store.Read("cache").Select(l => l.Text));
        Assert.Empty(store.Read("nobody"));
    }

    [Fact]
    public void The_default_bound_is_five_thousand_lines()
    {
        var store = new ConsoleLogStore();
        for (var i = 0; i < 5_001; i++)
        {
            store.Append("event-0", $"line {i}", isError: false);
        }

        var lines = store.Read("event-0");
        Assert.Equal(5_000, lines.Count);
        Assert.Equal("line 1", lines[0].Text);
    }

    [Fact]
    public void Sequences_increase_across_resources_and_a_reader_resumes_after_the_last_it_saw()
    {
        var store = new ConsoleLogStore();
        store.Append("event-0", "a", isError: false);
        store.Append("cache", "b", isError: false);
        store.Append("event-0", "c", isError: true);
        var seen = store.Read("event-0")[0].Sequence;
        store.Append("event-0", "d", isError: false);

        var rest = store.Read("event-0", afterSequence: seen);

        Assert.Equal([1L, 2L, 3L, 4L], new[] { "event-0", "cache" }.SelectMany(r => store.Read(r)).Select(l => l.Sequence).Order());
        Assert.Equal(["c", "d"], rest.Select(l => l.Text));
        Assert.True(rest[0].IsError);
        Assert.False(rest[1].IsError);
        Assert.Equal("event-0", rest[0].Resource);
        Assert.InRange(rest[0].Timestamp, DateTimeOffset.UtcNow.AddMinutes(-1), DateTimeOffset.UtcNow);
    }

    [Fact]
    public void The_filter_is_a_case_insensitive_substring()
    {
        var store = new ConsoleLogStore();
        store.Append("event-0", "info: Now listening on http://localhost:5123", isError: false);
        store.Append("event-0", "fail: 플랜 선택 실패 (Listening timeout)", isError: true);
        store.Append("event-0", "dbug: heartbeat", isError: false);

        Assert.Equal(2, store.Read("event-0", contains: "LISTENING").Count);
        Assert.Equal(["fail: 플랜 선택 실패 (Listening timeout)"], store.Read("event-0", contains: "플랜").Select(l => l.Text));
        Assert.Equal(3, store.Read("event-0", contains: "").Count);
    }

    [Fact]
    public async Task A_subscriber_gets_new_lines_of_its_resource_until_it_cancels()
    {
        var store = new ConsoleLogStore();
        store.Append("event-0", "before", isError: false);
        using var cancel = new CancellationTokenSource();
        var reader = store.Subscribe("event-0", cancel.Token);

        store.Append("cache", "other resource", isError: false);
        store.Append("event-0", "after", isError: true);
        var line = await reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(5));
        await cancel.CancelAsync();
        store.Append("event-0", "after cancel", isError: false);

        Assert.Equal(("after", true), (line.Text, line.IsError));
        await reader.Completion.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.False(reader.TryRead(out _));
    }

    [Fact]
    public async Task A_slow_subscriber_loses_its_oldest_unread_lines_and_never_blocks_the_writer()
    {
        var store = new ConsoleLogStore();
        using var cancel = new CancellationTokenSource();
        var reader = store.Subscribe("event-0", cancel.Token);

        for (var i = 0; i < ConsoleLogStore.SubscriberBufferSize + 10; i++)
        {
            store.Append("event-0", $"line {i}", isError: false);
        }

        var first = await reader.ReadAsync();
        Assert.Equal("line 10", first.Text);
        Assert.Equal(ConsoleLogStore.SubscriberBufferSize - 1, reader.Count);
    }

    [Fact]
    public async Task Concurrent_writers_get_unique_sequences_kept_in_order_per_resource()
    {
        var store = new ConsoleLogStore();
        await Task.WhenAll(Enumerable.Range(0, 4).Select(w => Task.Run(() =>
        {
            for (var i = 0; i < 1_000; i++)
            {
                store.Append($"r{w % 2}", $"{w}:{i}", isError: false);
            }
        })));

        var all = store.Read("r0").Concat(store.Read("r1")).ToList();
        Assert.Equal(4_000, all.Select(l => l.Sequence).Distinct().Count());
        Assert.Equal(store.Read("r0").Select(l => l.Sequence).Order(), store.Read("r0").Select(l => l.Sequence));
        Assert.Equal(["r0", "r1"], store.ListResources());
    }
}
