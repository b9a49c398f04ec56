using System.Collections.Concurrent;
using System.Diagnostics;

using Google.Protobuf.WellKnownTypes;

using KtEvents.Ai.Infrastructure;
using KtEvents.Ai.Model;
using KtEvents.Ai.Telemetry;
using KtEvents.Contracts.Ai.V1;

namespace KtEvents.Ai.Recommendations;

/// <summary>
/// UFR-AI-010 / UFR-EVENT-030 end to end: check the request, answer from the 15-minute cache or the
/// engine, check the engine's answer, then log and return it with its metadata. Every reply gets its
/// own recommendation id and log row, cached or not, so feedback can always name what was shown.
/// A degraded answer (the Claude engine's "mixed" or "data") is served but not cached: the next
/// request asks Claude again instead of repeating a fallback for 15 minutes. Identical cold requests
/// at once share one engine run (single-flight: in this process, and across replicas through
/// <see cref="ReplicaRuns"/>): twenty owners asking the same thing make one Claude round, and each
/// still gets its own id and log row. A streaming caller also gets the run's trends as soon as the
/// engine has them, before the plans.
/// </summary>
public sealed partial class RecommendationService(
    IRecommendationEngine engine,
    ProtoCache cache,
    ReplicaRuns replicaRuns,
    DataVersions dataVersions,
    RecommendationLogRepository log,
    TimeProvider timeProvider,
    ILogger<RecommendationService> logger)
{
    private readonly ConcurrentDictionary<string, Lazy<EngineRun>> _inFlight = new();

    public Task<RecommendReply> RecommendAsync(RecommendRequest request, Guid ownerId, CancellationToken cancellationToken) =>
        RecommendAsync(request, ownerId, trendsReady: null, cancellationToken);

    /// <summary>
    /// The reply; <paramref name="trendsReady"/>, when given, first receives its trends as soon as they
    /// are final (at once from the cache), so a stream can show them while the plans are written.
    /// </summary>
    public async Task<RecommendReply> RecommendAsync(
        RecommendRequest request, Guid ownerId, Func<Trends, Task>? trendsReady, CancellationToken cancellationToken)
    {
        var input = RecommendRequestReader.Read(request, SeoulClock.Today(timeProvider));
        var total = Stopwatch.StartNew();
        // Read once: the reply, trends and similar-case keys of this request all use this version.
        input = input with { DataVersion = await dataVersions.CurrentAsync(input.Industry) };
        var key = CacheKeys.Recommendation(input, engine.Name);

        RecommendReply? reply;
        using (var cacheSpan = AiTelemetry.Source.StartActivity("ai.cache"))
        {
            reply = await cache.GetAsync(key, RecommendReply.Parser);
            cacheSpan?.SetTag("ai.cache.hit", reply is not null);
        }
        var cacheHit = reply is not null;
        (cacheHit ? AiTelemetry.CacheHits : AiTelemetry.CacheMisses).Add(1);
        var cacheLookup = total.Elapsed;
        if (reply is null)
        {
            var run = SharedRun(input, key);
            if (trendsReady is not null)
            {
                // A run that fails before its trends leaves them cancelled; its reply says why.
                await Task.WhenAny(run.Trends, run.Reply).WaitAsync(cancellationToken);
                if (run.Trends.IsCompletedSuccessfully)
                {
                    await trendsReady(run.Trends.Result);
                }
            }
            // Everyone gets a copy: the metadata below is each caller's own.
            reply = (await run.Reply.WaitAsync(cancellationToken)).Clone();
        }
        else
        {
            // generated_at keeps the time the cached answer was made; the stages are this request's.
            reply.Metadata.Stages.Clear();
            if (trendsReady is not null)
            {
                await trendsReady(reply.Trends);
            }
        }

        reply.Metadata.CacheHit = cacheHit;
        reply.Metadata.RecommendationId = Guid.CreateVersion7().ToString();
        reply.Metadata.Stages.Insert(0, new StageTiming { Stage = "cache", Milliseconds = (int)Math.Ceiling(cacheLookup.TotalMilliseconds) });

        await log.AddAsync(ownerId, input, reply, (int)total.ElapsedMilliseconds, cancellationToken);
        AiTelemetry.RecommendationDuration.Record(
            total.Elapsed.TotalSeconds,
            new KeyValuePair<string, object?>("engine", reply.Metadata.Engine),
            new KeyValuePair<string, object?>("cache_hit", cacheHit));
        LogServed(logger, reply.Metadata.RecommendationId, reply.Metadata.Engine, cacheHit, total.ElapsedMilliseconds);
        return reply;
    }

    /// <summary>The engine run in flight for this key, or a new one, which leaves the table when it ends.</summary>
    private EngineRun SharedRun(RecommendationInput input, string key) =>
        // Lazy, because GetOrAdd may call its factory twice in a race; only the stored Lazy ever runs.
        _inFlight.GetOrAdd(key, _ => new Lazy<EngineRun>(() => StartRun(input, key))).Value;

    private EngineRun StartRun(RecommendationInput input, string key)
    {
        var trends = new TaskCompletionSource<Trends>(TaskCreationOptions.RunContinuationsAsynchronously);
        return new EngineRun(trends.Task, RunOnceAsync(input, key, trends));
    }

    private async Task<RecommendReply> RunOnceAsync(RecommendationInput input, string key, TaskCompletionSource<Trends> trends)
    {
        // Off the caller's stack first, so the run is in the table before it can end and leave it.
        await Task.Yield();
        try
        {
            var reply = await replicaRuns.RunAsync(
                key,
                lead: share => ProduceAsync(input, key, share),
                trendsReady: written => trends.TrySetResult(written));
            trends.TrySetResult(reply.Trends);
            return reply;
        }
        catch
        {
            // Cancelled, not faulted: nobody has to observe it, and the reply's exception is the one to report.
            trends.TrySetCanceled();
            throw;
        }
        finally
        {
            // Nothing else can have added this key while this run was in the table.
            _inFlight.TryRemove(key, out _);
        }
    }

    /// <summary>
    /// One engine run, checked, cached when whole. It runs to its end even if the caller that started
    /// it goes away: others may be waiting on it, and the engine's own budget bounds it.
    /// </summary>
    private async Task<RecommendReply> ProduceAsync(RecommendationInput input, string key, Action<Trends> trendsReady)
    {
        var result = await engine.RecommendAsync(input, trendsReady, CancellationToken.None);
        IReadOnlyList<string> problems;
        using (AiTelemetry.Source.StartActivity("ai.validation.reply"))
        {
            problems = RecommendationValidator.Check(result.Trends, result.Plans);
        }
        if (problems.Count > 0)
        {
            // Every engine keeps these promises (the Claude engine by replacing what breaks them); breaking one is a bug to see, not to serve.
            throw new InvalidOperationException($"The {result.Engine} engine broke its promises: {string.Join("; ", problems)}");
        }
        var reply = new RecommendReply
        {
            Trends = result.Trends,
            Metadata = new RecommendMetadata
            {
                Engine = result.Engine,
                SyntheticData = result.SyntheticData,
                InputTokens = result.InputTokens,
                OutputTokens = result.OutputTokens,
                FallbackReason = result.FallbackReason,
                GeneratedAt = Timestamp.FromDateTimeOffset(timeProvider.GetUtcNow()),
            },
        };
        reply.Plans.AddRange(result.Plans);
        reply.Metadata.Stages.AddRange(result.Stages);
        if (result.Engine == engine.Name)
        {
            await cache.SetAsync(key, reply, CacheKeys.RecommendationTtl);
        }
        return reply;
    }

    /// <summary>One engine run shared by identical requests: its trends as soon as they are final, and its reply.</summary>
    private sealed record EngineRun(Task<Trends> Trends, Task<RecommendReply> Reply);

    [LoggerMessage(Level = LogLevel.Information, Message = "Recommendation {RecommendationId} served by the {Engine} engine (cache hit: {CacheHit}) in {ElapsedMs} ms")]
    private static partial void LogServed(ILogger logger, string recommendationId, string engine, bool cacheHit, long elapsedMs);
}
