using System.Text;

using KtEvents.Caching.Tests.Support;

namespace KtEvents.Caching.Tests.Commands;

public sealed class StringCommandTests(SharedRedisConnection redis) : IClassFixture<SharedRedisConnection>
{
    private readonly IDatabase db = redis.Database;

    [Fact]
    public async Task SetThenGetRoundTripsUtf8Text()
    {
        var key = TestRedis.Key("text");
        Assert.True(await db.StringSetAsync(key, "우리동네 이벤트 ✓"));
        Assert.Equal("우리동네 이벤트 ✓", (string?)await db.StringGetAsync(key));
    }

    [Fact]
    public async Task BinaryValuesRoundTripByteForByte()
    {
        var key = TestRedis.Key("binary");
        var bytes = Enumerable.Range(0, 256).Select(i => (byte)i).Concat("\r\n$-1\r\n*3\r\n"u8.ToArray()).ToArray();
        await db.StringSetAsync(key, bytes);
        Assert.Equal(bytes, (byte[]?)await db.StringGetAsync(key));
    }

    [Fact]
    public async Task LargeValueRoundTrips()
    {
        var key = TestRedis.Key("large");
        var bytes = new byte[3 * 1024 * 1024 + 7];
        new Random(42).NextBytes(bytes);
        await db.StringSetAsync(key, bytes);
        Assert.Equal(bytes, (byte[]?)await db.StringGetAsync(key));
    }

    [Fact]
    public async Task EmptyValueIsEmptyNotNull()
    {
        var key = TestRedis.Key("empty");
        await db.StringSetAsync(key, "");
        var value = await db.StringGetAsync(key);
        Assert.False(value.IsNull);
        Assert.Equal("", (string?)value);
    }

    [Fact]
    public async Task MissingKeyReadsAsNull()
    {
        var value = await db.StringGetAsync(TestRedis.Key("missing"));
        Assert.True(value.IsNull);
        Assert.Null((string?)value);
    }

    [Fact]
    public async Task NotExistsSetsOnlyTheFirstTime()
    {
        var key = TestRedis.Key("nx");
        Assert.True(await db.StringSetAsync(key, "first", when: When.NotExists));
        Assert.False(await db.StringSetAsync(key, "second", when: When.NotExists));
        Assert.Equal("first", (string?)await db.StringGetAsync(key));
    }

    [Fact]
    public async Task ExistsOnlyOverwrites()
    {
        var key = TestRedis.Key("xx");
        Assert.False(await db.StringSetAsync(key, "ghost", when: When.Exists));
        Assert.False(await db.KeyExistsAsync(key));
        await db.StringSetAsync(key, "one");
        Assert.True(await db.StringSetAsync(key, "two", when: When.Exists));
        Assert.Equal("two", (string?)await db.StringGetAsync(key));
    }

    [Fact]
    public async Task ExpiryIsVisibleInPttlAndTtl()
    {
        var key = TestRedis.Key("px");
        Assert.True(await db.StringSetAsync(key, "v", TimeSpan.FromMilliseconds(9_500), When.NotExists));

        var pttl = await db.KeyTimeToLiveAsync(key);
        Assert.NotNull(pttl);
        Assert.InRange(pttl.Value.TotalMilliseconds, 1, 9_500);
        var ttl = (long)await db.ExecuteAsync("TTL", key);
        Assert.InRange(ttl, 1, 10);
    }

    [Fact]
    public async Task ExpiredValueDisappears()
    {
        var key = TestRedis.Key("expires");
        await db.StringSetAsync(key, "brief", TimeSpan.FromMilliseconds(50));
        await Poll.UntilAsync(async () => (await db.StringGetAsync(key)).IsNull, TimeSpan.FromSeconds(5), "the key expires");
    }

    [Fact]
    public async Task NonPositiveExpiryIsRefusedBeforeSending()
    {
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => db.StringSetAsync(TestRedis.Key("zero"), "v", TimeSpan.Zero));
    }

    [Fact]
    public async Task IncrementCountsByOneAndByAmount()
    {
        var key = TestRedis.Key("incr");
        Assert.Equal(1, await db.StringIncrementAsync(key));
        Assert.Equal(6, await db.StringIncrementAsync(key, 5));
        Assert.Equal(4, await db.StringIncrementAsync(key, -2));
        Assert.Equal(4, (long)await db.StringGetAsync(key));
    }

    [Fact]
    public async Task IncrementOfTextIsAServerError()
    {
        var key = TestRedis.Key("incr-text");
        await db.StringSetAsync(key, "not a number");
        var error = await Assert.ThrowsAsync<RedisServerException>(() => db.StringIncrementAsync(key));
        Assert.StartsWith("ERR", error.Message, StringComparison.Ordinal);
        Assert.Equal("not a number", (string?)await db.StringGetAsync(key)); // the connection is still in step
    }

    [Fact]
    public async Task PingAnswers()
    {
        Assert.True(await db.PingAsync() >= TimeSpan.Zero);
        Assert.Equal("PONG", (string?)await db.ExecuteAsync("PING"));
        Assert.Equal(Encoding.UTF8.GetBytes("echo"), (byte[]?)await db.ExecuteAsync("ECHO", "echo"));
    }
}
