using KtEvents.Caching.Tests.Support;
using KtEvents.Testing;

using Microsoft.Extensions.Logging.Abstractions;

namespace KtEvents.Caching.Tests.Json;

public sealed class JsonCacheTests : IAsyncLifetime
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

    private ConnectionMultiplexer redis = null!;
    private JsonCache cache = null!;

    public async Task InitializeAsync()
    {
        redis = await TestRedis.ConnectSharedAsync();
        cache = new JsonCache(redis, NullLogger<JsonCache>.Instance);
    }

    public Task DisposeAsync() => redis.DisposeAsync().AsTask();

    [Fact]
    public async Task FiftyConcurrentMissesRunTheLoaderOnceAndAgainAfterExpiry()
    {
        var key = TestRedis.Key("single-flight");
        var ttl = TimeSpan.FromSeconds(3);
        var calls = 0;
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        async Task<Plan> Load(CancellationToken cancellationToken)
        {
            var call = Interlocked.Increment(ref calls);
            await gate.Task.WaitAsync(cancellationToken);
            return new Plan($"plan {call}", 100_000);
        }

        async Task<Plan[]> RoundAsync()
        {
            var callers = Enumerable.Range(0, 50).Select(_ => Task.Run(() => cache.GetOrCreateAsync(key, ttl, Load))).ToArray();
            // All 50 have missed and wait on one load, which the gate holds open.
            await Poll.UntilAsync(() => Task.FromResult(cache.CallersOf<Plan>(key) == 50), Bound, "50 callers wait on one load");
            gate.SetResult();
            return await Task.WhenAll(callers).WaitAsync(Bound);
        }

        var first = await RoundAsync();
        Assert.Equal(1, calls);
        Assert.All(first, plan => Assert.Same(first[0], plan));
        Assert.Equal(new Plan("plan 1", 100_000), first[0]);
        Assert.Equal(first[0], await cache.GetAsync<Plan>(key));

        await Poll.UntilAsync(async () => !await redis.GetDatabase().KeyExistsAsync(key), Bound, "the entry expires");
        gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var second = await RoundAsync();
        Assert.Equal(2, calls);
        Assert.All(second, plan => Assert.Equal(new Plan("plan 2", 100_000), plan));
    }

    [Fact]
    public async Task AThrowingLoaderFailsEveryWaiterAndIsNotCached()
    {
        var key = TestRedis.Key("failing");
        var calls = 0;
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        async Task<Plan> Fail(CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref calls);
            await gate.Task.WaitAsync(cancellationToken);
            throw new InvalidOperationException("모델 응답 없음");
        }

        var callers = Enumerable.Range(0, 10).Select(_ => Task.Run(() => cache.GetOrCreateAsync(key, TimeSpan.FromMinutes(5), Fail))).ToArray();
        await Poll.UntilAsync(() => Task.FromResult(cache.CallersOf<Plan>(key) == 10), Bound, "10 callers wait on one load");
        gate.SetResult();

        foreach (var caller in callers)
        {
            var error = await Assert.ThrowsAsync<InvalidOperationException>(() => caller.WaitAsync(Bound));
            Assert.Equal("모델 응답 없음", error.Message);
        }
        Assert.Equal(1, calls);
        Assert.False(await redis.GetDatabase().KeyExistsAsync(key));

        var retried = await cache.GetOrCreateAsync(key, TimeSpan.FromMinutes(5), _ => Task.FromResult(new Plan("second try", 1)));
        Assert.Equal("second try", retried.Name);
    }

    [Fact]
    public async Task ACachedValueIsReturnedWithoutLoading()
    {
        var key = TestRedis.Key("cached");
        await cache.SetAsync(key, new Plan("cached", 5), TimeSpan.FromMinutes(1));
        var plan = await cache.GetOrCreateAsync<Plan>(key, TimeSpan.FromMinutes(1), _ => throw new InvalidOperationException("must not load"));
        Assert.Equal(new Plan("cached", 5), plan);
        Assert.Equal("{\"name\":\"cached\",\"budgetKrw\":5}", (string?)await redis.GetDatabase().StringGetAsync(key));
    }

    [Fact]
    public async Task SetStoresWithItsTtlAndRemoveDeletes()
    {
        var key = TestRedis.Key("set-remove");
        await cache.SetAsync(key, new Plan("p", 1), TimeSpan.FromSeconds(30));
        Assert.InRange((await redis.GetDatabase().KeyTimeToLiveAsync(key))!.Value.TotalSeconds, 1, 30);
        await cache.RemoveAsync(key);
        Assert.Null(await cache.GetAsync<Plan>(key));
    }

    [Fact]
    public async Task AnUnreadableEntryIsReloadedAndReplaced()
    {
        var key = TestRedis.Key("unreadable");
        await redis.GetDatabase().StringSetAsync(key, "{not json");
        var plan = await cache.GetOrCreateAsync(key, TimeSpan.FromMinutes(1), _ => Task.FromResult(new Plan("fresh", 2)));
        Assert.Equal("fresh", plan.Name);
        Assert.Equal(new Plan("fresh", 2), await cache.GetAsync<Plan>(key));
    }

    [Fact]
    public async Task ACallerThatGivesUpLeavesTheLoadRunningForTheOthers()
    {
        var key = TestRedis.Key("leave");
        var loaderToken = new TaskCompletionSource<CancellationToken>(TaskCreationOptions.RunContinuationsAsynchronously);
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        async Task<Plan> Load(CancellationToken cancellationToken)
        {
            loaderToken.TrySetResult(cancellationToken);
            await gate.Task.WaitAsync(cancellationToken);
            return new Plan("late", 1);
        }
        using var leaving = new CancellationTokenSource();
        var quitter = cache.GetOrCreateAsync(key, TimeSpan.FromMinutes(1), Load, leaving.Token);
        var stayer = cache.GetOrCreateAsync(key, TimeSpan.FromMinutes(1), Load);
        await Poll.UntilAsync(() => Task.FromResult(cache.CallersOf<Plan>(key) == 2), Bound, "both callers wait on one load");

        await leaving.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => quitter);
        Assert.False((await loaderToken.Task).IsCancellationRequested);

        gate.SetResult();
        Assert.Equal("late", (await stayer.WaitAsync(Bound)).Name);
    }

    [Fact]
    public async Task WhenEveryCallerGivesUpTheLoadIsCancelled()
    {
        var key = TestRedis.Key("abandon");
        var loaderToken = new TaskCompletionSource<CancellationToken>(TaskCreationOptions.RunContinuationsAsynchronously);
        async Task<Plan> Load(CancellationToken cancellationToken)
        {
            loaderToken.TrySetResult(cancellationToken);
            await Task.Delay(Timeout.Infinite, cancellationToken);
            return new Plan("never", 0);
        }
        using var first = new CancellationTokenSource();
        using var second = new CancellationTokenSource();
        var callers = new[]
        {
            cache.GetOrCreateAsync(key, TimeSpan.FromMinutes(1), Load, first.Token),
            cache.GetOrCreateAsync(key, TimeSpan.FromMinutes(1), Load, second.Token),
        };
        await Poll.UntilAsync(() => Task.FromResult(cache.CallersOf<Plan>(key) == 2), Bound, "both callers wait on one load");
        var token = await loaderToken.Task;

        await first.CancelAsync();
        await second.CancelAsync();
        foreach (var caller in callers)
        {
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => caller);
        }
        Assert.True(token.IsCancellationRequested);
        await Poll.UntilAsync(() => Task.FromResult(cache.CallersOf<Plan>(key) == 0), Bound, "the abandoned load is gone");
        Assert.False(await redis.GetDatabase().KeyExistsAsync(key));
    }

    [Fact]
    public async Task RedisBeingDownMakesItAMissNotAnError()
    {
        await using var server = await RedisServer.StartNewAsync();
        await using var down = await TestRedis.ConnectAsync(server);
        var offline = new JsonCache(down, NullLogger<JsonCache>.Instance);
        await server.StopAsync();

        var plan = await offline.GetOrCreateAsync("k", TimeSpan.FromMinutes(1), _ => Task.FromResult(new Plan("from the source", 3)));
        Assert.Equal("from the source", plan.Name);
        await Assert.ThrowsAsync<RedisConnectionException>(() => offline.RemoveAsync("k"));
    }
}
