using KtEvents.Caching.Tests.Support;

using KtEvents.Testing;

namespace KtEvents.Caching.Tests.Connections;

public sealed class TimeoutTests
{
    [Fact]
    public async Task LateRepliesTimeOutAndAreDiscardedSoLaterCommandsStayInStep()
    {
        await using var server = await RedisServer.StartNewAsync();
        await using var redis = await TestRedis.ConnectAsync(server, ",asyncTimeout=300");
        var db = redis.GetDatabase();
        await db.StringSetAsync("a", "value of a");
        await db.StringSetAsync("b", "value of b");

        // BLPOP holds this connection's replies for 2 s; everything queued behind it is late.
        var blocking = db.ExecuteAsync("BLPOP", TestRedis.Key("empty-list"), 2);
        var late = db.StringGetAsync("a");

        await Assert.ThrowsAsync<RedisTimeoutException>(() => blocking.WaitAsync(TimeSpan.FromSeconds(10)));
        var timeout = await Assert.ThrowsAsync<RedisTimeoutException>(() => late.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Contains("GET", timeout.Message, StringComparison.Ordinal);
        Assert.IsAssignableFrom<TimeoutException>(timeout);

        // Once BLPOP answers, its reply and the late GET's are consumed and dropped: the next GET
        // must get its own value, not "value of a" or BLPOP's null.
        await Poll.UntilSucceedsAsync(async () => (string?)await db.StringGetAsync("b") == "value of b", TimeSpan.FromSeconds(10), "the connection catches up");
        Assert.Equal("value of a", (string?)await db.StringGetAsync("a"));
        Assert.True(redis.IsConnected);
    }
}
