using KtEvents.Caching.Tests.Support;

namespace KtEvents.Caching.Tests.Connections;

public sealed class PipeliningTests
{
    [Fact]
    public async Task ThousandConcurrentIncrementsShareOneConnectionAndEachGetsItsOwnReply()
    {
        var name = $"pipeline-{Guid.NewGuid():N}";
        await using var redis = await TestRedis.ConnectSharedAsync($",name={name}");
        var db = redis.GetDatabase();
        var key = TestRedis.Key("incr");

        var replies = await Task.WhenAll(Enumerable.Range(0, 1_000).Select(_ => Task.Run(() => db.StringIncrementAsync(key))));

        Assert.Equal(1_000, (long)await db.StringGetAsync(key));
        // Each INCR's reply is the counter after it: every number from 1 to 1000 exactly once shows
        // that each caller got the reply to its own command, not a neighbour's.
        Assert.Equal(Enumerable.Range(1, 1_000).Select(i => (long)i), replies.Order());
        var clients = ((string?)await db.ExecuteAsync("CLIENT", "LIST"))!.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Single(clients, line => line.Contains($" name={name} ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task MixedConcurrentCommandsGetTheirOwnReplies()
    {
        await using var redis = await TestRedis.ConnectSharedAsync();
        var db = redis.GetDatabase();
        var prefix = TestRedis.Key("mixed");

        var checks = Enumerable.Range(0, 300).Select(async i =>
        {
            var key = $"{prefix}:{i}";
            var writes = new Task[] { db.StringSetAsync(key, i), db.HashSetAsync($"{key}:h", "f", $"h{i}"), db.SortedSetAddAsync($"{key}:z", "m", i) };
            await Task.WhenAll(writes);
            var reads = (db.StringGetAsync(key), db.HashGetAsync($"{key}:h", "f"), db.SortedSetScoreAsync($"{key}:z", "m"), db.KeyExistsAsync($"{key}:none"));
            Assert.Equal(i, (long)await reads.Item1);
            Assert.Equal($"h{i}", (string?)await reads.Item2);
            Assert.Equal(i, await reads.Item3);
            Assert.False(await reads.Item4);
        });
        await Task.WhenAll(checks);
    }
}
