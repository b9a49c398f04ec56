using System.Collections.Concurrent;
using System.Diagnostics;

using KtEvents.Caching.Tests.Support;
using KtEvents.Testing;

namespace KtEvents.Caching.Tests.Connections;

public sealed class ReconnectTests
{
    [Fact]
    public async Task InFlightCommandsFailPromptlyWhenTheServerGoesAwayAndNewOnesFailFast()
    {
        await using var server = await RedisServer.StartNewAsync();
        await using var redis = await TestRedis.ConnectAsync(server, ",asyncTimeout=60000");
        var db = redis.GetDatabase();
        var inFlight = new List<Task> { db.ExecuteAsync("BLPOP", TestRedis.Key("never"), 50) };
        inFlight.AddRange(Enumerable.Range(0, 10).Select(i => db.StringGetAsync($"queued-behind-blpop-{i}")));

        await server.StopAsync();

        // Long before their 60 s timeout: they fail because the connection broke.
        foreach (var command in inFlight)
        {
            await Assert.ThrowsAsync<RedisConnectionException>(() => command.WaitAsync(TimeSpan.FromSeconds(10)));
        }
        Assert.False(redis.IsConnected);
        var whileDown = await Assert.ThrowsAsync<RedisConnectionException>(() => db.StringGetAsync("k").WaitAsync(TimeSpan.FromSeconds(2)));
        Assert.Equal(ConnectionFailureType.UnableToConnect, whileDown.FailureType);
    }

    [Fact]
    public async Task RecoversFromARestartWhileEightTasksKeepIssuingCommands()
    {
        await using var server = await RedisServer.StartNewAsync();
        await using var redis = await TestRedis.ConnectAsync(server, ",asyncTimeout=1000,connectTimeout=1000");
        var db = redis.GetDatabase();
        var channel = RedisChannel.Literal(TestRedis.Key("restart"));
        var received = new ConcurrentQueue<string>();
        await redis.GetSubscriber().SubscribeAsync(channel, (_, message) => received.Enqueue(message.ToString()));

        var unexpected = new ConcurrentQueue<Exception>();
        var successes = 0;
        var failures = 0;
        var restartedAt = 0L; // Stopwatch timestamp taken when StartAsync returned
        var firstSuccessAfterRestart = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var stop = new CancellationTokenSource();

        async Task WorkAsync(int worker)
        {
            var key = TestRedis.Key($"worker-{worker}");
            for (var i = 1; i <= 1_000_000 && !stop.IsCancellationRequested; i++)
            {
                try
                {
                    await db.StringSetAsync(key, i);
                    var read = (long)await db.StringGetAsync(key);
                    if (read != i && read != 0) // 0: the SET went to the server before its restart
                    {
                        unexpected.Enqueue(new InvalidOperationException($"worker {worker} wrote {i} and read {read}"));
                    }
                    Interlocked.Increment(ref successes);
                    if (Volatile.Read(ref restartedAt) != 0)
                    {
                        firstSuccessAfterRestart.TrySetResult(Stopwatch.GetTimestamp());
                    }
                }
                catch (Exception ex) when (ex is RedisConnectionException or RedisTimeoutException)
                {
                    Interlocked.Increment(ref failures);
                    await Task.Delay(5);
                }
                catch (Exception ex)
                {
                    unexpected.Enqueue(ex);
                    return;
                }
            }
        }

        var workers = Enumerable.Range(0, 8).Select(worker => Task.Run(() => WorkAsync(worker))).ToArray();
        await Poll.UntilAsync(() => Task.FromResult(Volatile.Read(ref successes) > 200), TimeSpan.FromSeconds(10), "commands succeed before the restart");

        await server.StopAsync();
        await Poll.UntilAsync(() => Task.FromResult(Volatile.Read(ref failures) > 50), TimeSpan.FromSeconds(10), "commands fail while the server is down");
        await Task.Delay(300);
        await server.StartAsync();
        Volatile.Write(ref restartedAt, Stopwatch.GetTimestamp());

        var recoveredAt = await firstSuccessAfterRestart.Task.WaitAsync(TimeSpan.FromSeconds(10));
        var recovery = Stopwatch.GetElapsedTime(restartedAt, recoveredAt);
        Assert.True(recovery <= TimeSpan.FromSeconds(2), $"The first command succeeded {recovery.TotalMilliseconds:F0} ms after the server returned.");

        // The subscription is back: a PUBLISH reaches a subscriber again, and the message arrives.
        var subscriber = redis.GetSubscriber();
        await Poll.UntilSucceedsAsync(async () => await subscriber.PublishAsync(channel, "after restart") == 1, TimeSpan.FromSeconds(5), "the subscription is restored");
        await Poll.UntilAsync(() => Task.FromResult(received.Contains("after restart")), TimeSpan.FromSeconds(5), "the message arrives");

        await stop.CancelAsync();
        await Task.WhenAll(workers).WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Empty(unexpected);
        Assert.True(redis.IsConnected);
    }

    [Fact]
    public async Task ConnectFailsClearlyWhenNothingListens()
    {
        var server = await RedisServer.StartNewAsync();
        var connectionString = server.ConnectionString;
        await server.DisposeAsync();

        var error = await Assert.ThrowsAsync<RedisConnectionException>(() => ConnectionMultiplexer.ConnectAsync(connectionString));
        Assert.Equal(ConnectionFailureType.UnableToConnect, error.FailureType);
        Assert.Contains(connectionString, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithoutAbortConnectItStartsDisconnectedAndConnectsWhenTheServerComes()
    {
        await using var server = await RedisServer.StartNewAsync();
        await server.StopAsync();
        await using var redis = await TestRedis.ConnectAsync(server, ",abortConnect=false");
        Assert.False(redis.IsConnected);
        await Assert.ThrowsAsync<RedisConnectionException>(() => redis.GetDatabase().PingAsync());

        await server.StartAsync();
        await Poll.UntilSucceedsAsync(async () => await redis.GetDatabase().StringSetAsync("k", "v"), TimeSpan.FromSeconds(5), "it connects");
        Assert.True(redis.IsConnected);
    }

    [Fact]
    public async Task ConnectionEventsReportTheLossAndTheReturn()
    {
        await using var server = await RedisServer.StartNewAsync();
        await using var redis = await TestRedis.ConnectAsync(server);
        var failed = new TaskCompletionSource<ConnectionFailedEventArgs>(TaskCreationOptions.RunContinuationsAsynchronously);
        var restored = new TaskCompletionSource<ConnectionFailedEventArgs>(TaskCreationOptions.RunContinuationsAsynchronously);
        redis.ConnectionFailed += (_, e) => failed.TrySetResult(e);
        redis.ConnectionRestored += (_, e) => restored.TrySetResult(e);

        await server.StopAsync();
        var failure = await failed.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(ConnectionType.Interactive, failure.ConnectionType);
        Assert.Equal(ConnectionFailureType.SocketClosed, failure.FailureType);

        await server.StartAsync();
        var restoration = await restored.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(ConnectionType.Interactive, restoration.ConnectionType);
    }
}
