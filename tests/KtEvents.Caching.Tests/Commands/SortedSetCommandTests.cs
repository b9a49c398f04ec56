using KtEvents.Caching.Tests.Support;

namespace KtEvents.Caching.Tests.Commands;

public sealed class SortedSetCommandTests(SharedRedisConnection redis) : IClassFixture<SharedRedisConnection>
{
    private readonly IDatabase db = redis.Database;

    [Fact]
    public async Task AddSaysWhetherTheMemberIsNew()
    {
        var key = TestRedis.Key("zadd");
        Assert.True(await db.SortedSetAddAsync(key, "a", 1));
        Assert.False(await db.SortedSetAddAsync(key, "a", 2));
        Assert.Equal(2, await db.SortedSetScoreAsync(key, "a"));
    }

    [Fact]
    public async Task NotExistsAddsButNeverUpdates()
    {
        var key = TestRedis.Key("zadd-nx");
        Assert.True(await db.SortedSetAddAsync(key, "a", 1, When.NotExists));
        Assert.False(await db.SortedSetAddAsync(key, "a", 5, When.NotExists));
        Assert.Equal(1, await db.SortedSetScoreAsync(key, "a"));
    }

    [Fact]
    public async Task ExistsUpdatesButNeverAdds()
    {
        var key = TestRedis.Key("zadd-xx");
        Assert.False(await db.SortedSetAddAsync(key, "a", 1, When.Exists));
        Assert.Null(await db.SortedSetScoreAsync(key, "a"));
        await db.SortedSetAddAsync(key, "a", 1);
        Assert.False(await db.SortedSetAddAsync(key, "a", 7, When.Exists));
        Assert.Equal(7, await db.SortedSetScoreAsync(key, "a"));
    }

    [Fact]
    public async Task IncrementReturnsTheNewScore()
    {
        var key = TestRedis.Key("zincrby");
        Assert.Equal(2.5, await db.SortedSetIncrementAsync(key, "m", 2.5));
        Assert.Equal(1.25, await db.SortedSetIncrementAsync(key, "m", -1.25));
    }

    [Fact]
    public async Task RangeByRankReturnsMembersWithScoresInEitherOrder()
    {
        var key = TestRedis.Key("zrange");
        await db.SortedSetAddAsync(key, "low", -1.5);
        await db.SortedSetAddAsync(key, "mid", 10);
        await db.SortedSetAddAsync(key, "high", double.PositiveInfinity);

        Assert.Equal(
            [new SortedSetEntry("low", -1.5), new SortedSetEntry("mid", 10), new SortedSetEntry("high", double.PositiveInfinity)],
            await db.SortedSetRangeByRankWithScoresAsync(key));
        Assert.Equal(
            [new SortedSetEntry("high", double.PositiveInfinity), new SortedSetEntry("mid", 10)],
            await db.SortedSetRangeByRankWithScoresAsync(key, 0, 1, Order.Descending));
        Assert.Equal([new SortedSetEntry("mid", 10)], await db.SortedSetRangeByRankWithScoresAsync(key, 1, 1));
        Assert.Empty(await db.SortedSetRangeByRankWithScoresAsync(TestRedis.Key("no-zset")));
    }

    [Fact]
    public async Task ScoreOfMissingMemberIsNullAndLengthCounts()
    {
        var key = TestRedis.Key("zcard");
        Assert.Equal(0, await db.SortedSetLengthAsync(key));
        await db.SortedSetAddAsync(key, "a", 1);
        await db.SortedSetAddAsync(key, "b", 2);
        Assert.Equal(2, await db.SortedSetLengthAsync(key));
        Assert.Null(await db.SortedSetScoreAsync(key, "nobody"));
    }
}
