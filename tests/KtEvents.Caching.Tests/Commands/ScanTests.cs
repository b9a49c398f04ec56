using KtEvents.Caching.Tests.Support;

namespace KtEvents.Caching.Tests.Commands;

public sealed class ScanTests : IAsyncLifetime
{
    private const int KeyCount = 1_000;

    private ConnectionMultiplexer redis = null!;
    private IDatabase db = null!;
    private string prefix = null!;

    public async Task InitializeAsync()
    {
        redis = await TestRedis.ConnectSharedAsync();
        db = redis.GetDatabase();
        prefix = TestRedis.Key("scan");
        await Task.WhenAll(Enumerable.Range(0, KeyCount).Select(i => db.StringSetAsync($"{prefix}:{i}", i)));
        await db.StringSetAsync($"{prefix}-other", "not matched");
    }

    public Task DisposeAsync() => redis.DisposeAsync().AsTask();

    [Fact]
    public async Task OnePageDoesNotHoldThemAll()
    {
        var server = (RedisServerNode)redis.GetServers().Single();
        var page = await server.ScanPageAsync(0, $"{prefix}:*", 50);
        Assert.NotEqual(0UL, page.Cursor);
        Assert.True(page.Keys.Length < KeyCount);
    }

    [Fact]
    public async Task KeysFollowsTheCursorOverEveryPage()
    {
        var found = new List<string>();
        await foreach (var key in redis.GetServers().Single().KeysAsync(pattern: $"{prefix}:*", pageSize: 50))
        {
            found.Add(key!);
        }
        var expected = Enumerable.Range(0, KeyCount).Select(i => $"{prefix}:{i}").Order(StringComparer.Ordinal);
        Assert.Equal(expected, found.Distinct().Order(StringComparer.Ordinal));
        Assert.DoesNotContain($"{prefix}-other", found);
    }

    [Fact]
    public async Task KeysStopsWhenCancelled()
    {
        using var cancelled = new CancellationTokenSource();
        var seen = 0;
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var key in redis.GetServers().Single().KeysAsync(pattern: $"{prefix}:*", pageSize: 10).WithCancellation(cancelled.Token))
            {
                seen++;
                await cancelled.CancelAsync();
            }
        });
        Assert.InRange(seen, 1, 20);
    }

    [Fact]
    public void KeysOfAnotherDatabaseIsRefused()
    {
        Assert.Throws<NotSupportedException>(() => redis.GetServers().Single().KeysAsync(database: 3));
    }
}
