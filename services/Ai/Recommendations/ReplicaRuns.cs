using KtEvents.Ai.Telemetry;
using KtEvents.Caching;
using KtEvents.Contracts.Ai.V1;

namespace KtEvents.Ai.Recommendations;

/// <summary>
/// Single-flight across replicas; <see cref="RecommendationService"/>'s table covers one process. The
/// first replica to take a key's lock in Redis leads: it runs the engine and shares what it makes under
/// keys of its own run — the trends when final, then the reply, degraded or not — and the others
/// follow those keys instead of calling Claude again. The lock's value names the run, so a follower
/// never takes an earlier run's answer. A follower whose leader vanished (the lock gone without a
/// reply) tries to lead once more, and past that leads without a lock, as does everyone when Redis is
/// down: single-flight saves Claude calls, it is never a reason to fail a request.
/// </summary>
public sealed partial class ReplicaRuns(IConnectionMultiplexer redis, ProtoCache cache, TimeProvider time, ILogger<ReplicaRuns> logger)
{
    /// <summary>Longer than any run (the engine's 10 s budget, the SQL, the cache writes), so only a crashed leader's lock expires.</summary>
    public static readonly TimeSpan LockTtl = TimeSpan.FromSeconds(20);

    /// <summary>Long enough for every follower to read what its leader shared.</summary>
    private static readonly TimeSpan SharedTtl = TimeSpan.FromSeconds(30);

    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(50);

    /// <summary>
    /// The reply of the one run for <paramref name="key"/>: <paramref name="lead"/>'s, if this replica leads
    /// (it gets the callback to call when its trends are final), or the leader's. <paramref name="trendsReady"/>
    /// gets the trends as soon as they are known either way.
    /// </summary>
    public async Task<RecommendReply> RunAsync(string key, Func<Action<Trends>, Task<RecommendReply>> lead, Action<Trends> trendsReady)
    {
        using var span = AiTelemetry.Source.StartActivity("ai.single_flight");
        for (var attempt = 0; attempt < 2; attempt++)
        {
            var runId = Guid.CreateVersion7().ToString("N");
            switch (await TryTakeAsync(key, runId))
            {
                case Lock.Taken:
                    span?.SetTag("ai.single_flight.role", "leader");
                    return await LeadAsync(key, runId, lead, trendsReady);
                case Lock.Unavailable:
                    span?.SetTag("ai.single_flight.role", "alone");
                    return await lead(trendsReady);
            }
            if (await FollowAsync(key, trendsReady) is { } followed)
            {
                span?.SetTag("ai.single_flight.role", "follower");
                LogFollowed(logger, key);
                return followed;
            }
        }
        span?.SetTag("ai.single_flight.role", "alone");
        return await lead(trendsReady);
    }

    private async Task<RecommendReply> LeadAsync(string key, string runId, Func<Action<Trends>, Task<RecommendReply>> lead, Action<Trends> trendsReady)
    {
        try
        {
            Task sharingTrends = Task.CompletedTask;
            var reply = await lead(trends =>
            {
                trendsReady(trends);
                sharingTrends = cache.SetAsync(TrendsKey(key, runId), trends, SharedTtl);
            });
            await sharingTrends;
            // Before the lock goes: a follower that sees no lock looks for this once more.
            await cache.SetAsync(ReplyKey(key, runId), reply, SharedTtl);
            return reply;
        }
        finally
        {
            await ReleaseAsync(key, runId);
        }
    }

    /// <summary>The leader's reply, passing its trends on first; null if the leader is gone without one or never finished.</summary>
    private async Task<RecommendReply?> FollowAsync(string key, Action<Trends> trendsReady)
    {
        var started = time.GetTimestamp();
        var trendsPassed = false;
        string? followed = null;
        while (time.GetElapsedTime(started) < LockTtl)
        {
            var runId = await LeaderAsync(key);
            if (runId is null)
            {
                // Released: the run followed so far shared its reply just before, unless it failed.
                return followed is null ? null : await SharedReplyAsync(key, followed, trendsReady);
            }
            followed = runId;
            if (await SharedReplyAsync(key, runId, trendsReady) is { } reply)
            {
                return reply;
            }
            if (!trendsPassed && await cache.GetAsync(TrendsKey(key, runId), Trends.Parser) is { } trends)
            {
                trendsReady(trends);
                trendsPassed = true;
            }
            await Task.Delay(PollInterval, time);
        }
        return null;
    }

    private async Task<RecommendReply?> SharedReplyAsync(string key, string runId, Action<Trends> trendsReady)
    {
        if (await cache.GetAsync(ReplyKey(key, runId), RecommendReply.Parser) is not { } reply)
        {
            return null;
        }
        trendsReady(reply.Trends);
        return reply;
    }

    private async Task<Lock> TryTakeAsync(string key, string runId)
    {
        try
        {
            return await redis.GetDatabase().LockTakeAsync(LockKey(key), runId, LockTtl) ? Lock.Taken : Lock.Held;
        }
        catch (Exception exception) when (exception is RedisException or TimeoutException)
        {
            LogLockUnavailable(logger, exception, key);
            return Lock.Unavailable;
        }
    }

    /// <summary>The run holding the lock now, or null when none does (or Redis cannot say).</summary>
    private async Task<string?> LeaderAsync(string key)
    {
        try
        {
            var holder = await redis.GetDatabase().StringGetAsync(LockKey(key));
            return holder.IsNull ? null : (string?)holder;
        }
        catch (Exception exception) when (exception is RedisException or TimeoutException)
        {
            LogLockUnavailable(logger, exception, key);
            return null;
        }
    }

    private async Task ReleaseAsync(string key, string runId)
    {
        try
        {
            await redis.GetDatabase().LockReleaseAsync(LockKey(key), runId);
        }
        catch (Exception exception) when (exception is RedisException or TimeoutException)
        {
            // It expires on its own; followers meanwhile find the reply this run shared.
            LogLockUnavailable(logger, exception, key);
        }
    }

    private static string LockKey(string key) => $"{key}:run";

    private static string TrendsKey(string key, string runId) => $"{key}:run:{runId}:trends";

    private static string ReplyKey(string key, string runId) => $"{key}:run:{runId}:reply";

    private enum Lock
    {
        Taken,
        Held,
        Unavailable,
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Recommendation {Key} followed another replica's run")]
    private static partial void LogFollowed(ILogger logger, string key);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The single-flight lock of {Key} is unavailable; this replica runs alone")]
    private static partial void LogLockUnavailable(ILogger logger, Exception exception, string key);
}
