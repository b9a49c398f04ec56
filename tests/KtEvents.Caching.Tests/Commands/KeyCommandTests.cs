using KtEvents.Caching.Tests.Support;

namespace KtEvents.Caching.Tests.Commands;

public sealed class KeyCommandTests(SharedRedisConnection redis) : IClassFixture<SharedRedisConnection>
{
    private readonly IDatabase db = redis.Database;

    [Fact]
    public async Task DeleteSaysWhetherTheKeyExisted()
    {
        var key = TestRedis.Key("del");
        await db.StringSetAsync(key, "v");
        Assert.True(await db.KeyDeleteAsync(key));
        Assert.False(await db.KeyDeleteAsync(key));
        Assert.True((await db.StringGetAsync(key)).IsNull);
    }

    [Fact]
    public async Task DeleteOfSeveralKeysCountsTheExistingOnes()
    {
        var keys = new RedisKey[] { TestRedis.Key("a"), TestRedis.Key("b"), TestRedis.Key("never") };
        await db.StringSetAsync(keys[0], 1);
        await db.StringSetAsync(keys[1], 2);
        Assert.Equal(2, await db.KeyDeleteAsync(keys));
        Assert.Equal(0, await db.KeyDeleteAsync([]));
    }

    [Fact]
    public async Task ExistsFollowsTheKey()
    {
        var key = TestRedis.Key("exists");
        Assert.False(await db.KeyExistsAsync(key));
        await db.StringSetAsync(key, "v");
        Assert.True(await db.KeyExistsAsync(key));
    }

    [Fact]
    public async Task ExpireInWholeSecondsUsesExpire()
    {
        var key = TestRedis.Key("expire");
        await db.StringSetAsync(key, "v");
        Assert.True(await db.KeyExpireAsync(key, TimeSpan.FromSeconds(100)));
        Assert.InRange((long)await db.ExecuteAsync("TTL", key), 95, 100);
    }

    [Fact]
    public async Task ExpireWithMillisecondsUsesPexpire()
    {
        var key = TestRedis.Key("pexpire");
        await db.StringSetAsync(key, "v");
        Assert.True(await db.KeyExpireAsync(key, TimeSpan.FromMilliseconds(4_500)));
        var left = await db.KeyTimeToLiveAsync(key);
        Assert.NotNull(left);
        Assert.InRange(left.Value.TotalMilliseconds, 1, 4_500); // not rounded up to whole seconds
    }

    [Fact]
    public async Task NullExpiryPersists()
    {
        var key = TestRedis.Key("persist");
        await db.StringSetAsync(key, "v", TimeSpan.FromMinutes(5));
        Assert.True(await db.KeyExpireAsync(key, null));
        Assert.Null(await db.KeyTimeToLiveAsync(key));
        Assert.Equal(-1, (long)await db.ExecuteAsync("TTL", key));
    }

    [Fact]
    public async Task ExpireOfMissingKeyIsFalseAndItsTtlNull()
    {
        var key = TestRedis.Key("gone");
        Assert.False(await db.KeyExpireAsync(key, TimeSpan.FromSeconds(1)));
        Assert.Null(await db.KeyTimeToLiveAsync(key));
        Assert.Equal(-2, (long)await db.ExecuteAsync("TTL", key));
    }
}
