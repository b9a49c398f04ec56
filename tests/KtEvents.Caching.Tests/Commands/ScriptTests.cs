using KtEvents.Caching.Tests.Support;

namespace KtEvents.Caching.Tests.Commands;

public sealed class ScriptTests(SharedRedisConnection redis) : IClassFixture<SharedRedisConnection>
{
    private readonly IDatabase db = redis.Database;

    [Fact]
    public async Task EvalPassesKeysAndArguments()
    {
        var key = TestRedis.Key("eval");
        var result = await db.ScriptEvaluateAsync("redis.call('set', KEYS[1], ARGV[1]); return {KEYS[1], redis.call('get', KEYS[1])}", [key], ["값"]);
        Assert.Equal(ResultType.Array, result.Type);
        var items = (string?[]?)result;
        Assert.NotNull(items);
        Assert.Equal(key, items[0]);
        Assert.Equal("값", items[1]);
    }

    [Fact]
    public async Task EvalReturnsEveryReplyKind()
    {
        var result = await db.ScriptEvaluateAsync(
            "return {7, 'text', {1, {2, 'deep'}}, redis.status_reply('FINE'), redis.error_reply('INNER trouble'), {}}");

        Assert.Equal(6, result.Length);
        Assert.Equal(ResultType.Integer, result[0].Type);
        Assert.Equal(7, (long)result[0]);
        Assert.Equal(ResultType.BulkString, result[1].Type);
        Assert.Equal("text", (string?)result[1]);
        Assert.Equal(2, (long)result[2][1][0]);
        Assert.Equal("deep", (string?)result[2][1][1]);
        Assert.Equal(ResultType.SimpleString, result[3].Type);
        Assert.Equal("FINE", (string?)result[3]);
        Assert.Equal(ResultType.Error, result[4].Type);
        Assert.Equal("INNER trouble", (string?)result[4]);
        Assert.Throws<RedisServerException>(() => (long)result[4]);
        Assert.Equal(0, result[5].Length);
    }

    [Fact]
    public async Task EvalNilIsANullBulkString()
    {
        var result = await db.ScriptEvaluateAsync("return nil");
        Assert.True(result.IsNull);
        Assert.Null((string?)result);
    }

    [Fact]
    public async Task EvalErrorIsAServerErrorAndTheConnectionStaysInStep()
    {
        var error = await Assert.ThrowsAsync<RedisServerException>(() => db.ScriptEvaluateAsync("return redis.error_reply('NOPE not today')"));
        Assert.Equal("NOPE not today", error.Message);
        await Assert.ThrowsAsync<RedisServerException>(() => db.ScriptEvaluateAsync("this is not lua"));
        Assert.Equal(42, (long)await db.ScriptEvaluateAsync("return 42"));
    }

    [Fact]
    public async Task LockIsTakenOnceAndReleasedOnlyByItsOwner()
    {
        var key = TestRedis.Key("lock");
        var owner = Guid.NewGuid().ToString();
        var intruder = Guid.NewGuid().ToString();

        Assert.True(await db.LockTakeAsync(key, owner, TimeSpan.FromSeconds(30)));
        Assert.False(await db.LockTakeAsync(key, intruder, TimeSpan.FromSeconds(30)));

        Assert.False(await db.LockReleaseAsync(key, intruder));
        Assert.Equal(owner, (string?)await db.StringGetAsync(key));

        Assert.True(await db.LockReleaseAsync(key, owner));
        Assert.False(await db.KeyExistsAsync(key));
        Assert.False(await db.LockReleaseAsync(key, owner));
        Assert.True(await db.LockTakeAsync(key, intruder, TimeSpan.FromSeconds(30)));
    }

    [Fact]
    public async Task LockIsExtendedOnlyByItsOwner()
    {
        var key = TestRedis.Key("lock-extend");
        var owner = Guid.NewGuid().ToString();
        await db.LockTakeAsync(key, owner, TimeSpan.FromSeconds(60));

        Assert.False(await db.LockExtendAsync(key, "someone else", TimeSpan.FromMinutes(10)));
        Assert.InRange((await db.KeyTimeToLiveAsync(key))!.Value.TotalSeconds, 1, 60);

        Assert.True(await db.LockExtendAsync(key, owner, TimeSpan.FromMinutes(10)));
        Assert.InRange((await db.KeyTimeToLiveAsync(key))!.Value.TotalSeconds, 500, 600);
    }

    [Fact]
    public async Task LockExpiresByItself()
    {
        var key = TestRedis.Key("lock-expiry");
        Assert.True(await db.LockTakeAsync(key, "crashed holder", TimeSpan.FromMilliseconds(50)));
        await Poll.UntilAsync(() => db.LockTakeAsync(key, "next holder", TimeSpan.FromSeconds(30)), TimeSpan.FromSeconds(5), "the lock expires");
        Assert.Equal("next holder", (string?)await db.StringGetAsync(key));
    }
}
