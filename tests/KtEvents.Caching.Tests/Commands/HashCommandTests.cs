using KtEvents.Caching.Tests.Support;

namespace KtEvents.Caching.Tests.Commands;

public sealed class HashCommandTests(SharedRedisConnection redis) : IClassFixture<SharedRedisConnection>
{
    private readonly IDatabase db = redis.Database;

    [Fact]
    public async Task SetSaysWhetherTheFieldIsNewAndGetReadsIt()
    {
        var key = TestRedis.Key("hash");
        Assert.True(await db.HashSetAsync(key, "name", "홍길동"));
        Assert.False(await db.HashSetAsync(key, "name", "김철수"));
        Assert.Equal("김철수", (string?)await db.HashGetAsync(key, "name"));
        Assert.True((await db.HashGetAsync(key, "missing")).IsNull);
        Assert.True((await db.HashGetAsync(TestRedis.Key("no-hash"), "name")).IsNull);
    }

    [Fact]
    public async Task NotExistsKeepsTheFirstValue()
    {
        var key = TestRedis.Key("hsetnx");
        Assert.True(await db.HashSetAsync(key, "f", "first", When.NotExists));
        Assert.False(await db.HashSetAsync(key, "f", "second", When.NotExists));
        Assert.Equal("first", (string?)await db.HashGetAsync(key, "f"));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => db.HashSetAsync(key, "f", "x", When.Exists));
    }

    [Fact]
    public async Task GetAllReturnsEveryFieldSetAtOnce()
    {
        var key = TestRedis.Key("hgetall");
        await db.HashSetAsync(key, [new HashEntry("a", "1"), new HashEntry("b", new byte[] { 0, 13, 10 }), new HashEntry("c", 3)]);
        var all = (await db.HashGetAllAsync(key)).ToDictionary(e => (string)e.Name!, e => (byte[])e.Value!);
        Assert.Equal(3, all.Count);
        Assert.Equal("1"u8.ToArray(), all["a"]);
        Assert.Equal(new byte[] { 0, 13, 10 }, all["b"]);
        Assert.Equal("3"u8.ToArray(), all["c"]);
        Assert.Empty(await db.HashGetAllAsync(TestRedis.Key("empty-hash")));
    }

    [Fact]
    public async Task IncrementAddsToTheField()
    {
        var key = TestRedis.Key("hincrby");
        Assert.Equal(1, await db.HashIncrementAsync(key, "count"));
        Assert.Equal(11, await db.HashIncrementAsync(key, "count", 10));
        Assert.Equal(11, (long)await db.HashGetAsync(key, "count"));
    }

    [Fact]
    public async Task DeleteSaysWhetherTheFieldExisted()
    {
        var key = TestRedis.Key("hdel");
        await db.HashSetAsync(key, "f", "v");
        Assert.True(await db.HashDeleteAsync(key, "f"));
        Assert.False(await db.HashDeleteAsync(key, "f"));
        Assert.False(await db.KeyExistsAsync(key));
    }

    [Fact]
    public async Task HashCommandOnAStringIsWrongType()
    {
        var key = TestRedis.Key("wrongtype");
        await db.StringSetAsync(key, "v");
        var error = await Assert.ThrowsAsync<RedisServerException>(() => db.HashGetAsync(key, "f"));
        Assert.StartsWith("WRONGTYPE", error.Message, StringComparison.Ordinal);
    }
}
