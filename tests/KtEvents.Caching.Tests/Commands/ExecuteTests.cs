using KtEvents.Caching.Tests.Support;

namespace KtEvents.Caching.Tests.Commands;

public sealed class ExecuteTests : IAsyncLifetime
{
    private ConnectionMultiplexer redis = null!;

    public async Task InitializeAsync() => redis = await TestRedis.ConnectSharedAsync();

    public Task DisposeAsync() => redis.DisposeAsync().AsTask();

    [Theory]
    [InlineData("SUBSCRIBE")]
    [InlineData("monitor")]
    [InlineData("SELECT")]
    [InlineData("MULTI")]
    public async Task CommandsThatWouldTakeOverTheSharedConnectionAreRefused(string command)
    {
        await Assert.ThrowsAsync<RedisCommandException>(() => redis.GetDatabase().ExecuteAsync(command, "x"));
        Assert.Equal("PONG", (string?)await redis.GetDatabase().ExecuteAsync("PING"));
    }

    [Fact]
    public async Task AdminCommandsNeedAllowAdmin()
    {
        var server = await KtEvents.Testing.SharedServers.RedisAsync();
        await using var plain = await ConnectionMultiplexer.ConnectAsync(server.ConnectionString);
        var refused = await Assert.ThrowsAsync<RedisCommandException>(() => plain.GetDatabase().ExecuteAsync("CONFIG", "GET", "maxmemory"));
        Assert.Contains("allowAdmin", refused.Message, StringComparison.Ordinal);

        var answer = await redis.GetDatabase().ExecuteAsync("CONFIG", "GET", "maxmemory");
        Assert.Equal("maxmemory", (string?)answer[0]);
    }

    [Fact]
    public async Task ArgumentsOfEveryKindAreSent()
    {
        var db = redis.GetDatabase();
        var key = TestRedis.Key("execute");
        await db.ExecuteAsync("RPUSH", (RedisKey)key, "text", new byte[] { 1, 2 }, 3, 4L, 5.5, (RedisValue)"six");
        var list = (RedisValue[]?)await db.ExecuteAsync("LRANGE", key, 0, -1);
        Assert.Equal(["text", new byte[] { 1, 2 }, "3", "4", "5.5", "six"], list!);
        await Assert.ThrowsAsync<ArgumentException>(() => db.ExecuteAsync("RPUSH", key, new object()));
    }
}
