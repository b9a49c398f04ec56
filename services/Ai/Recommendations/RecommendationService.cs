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
/// at once share one engine run (single-flight, in this process): twenty owners asking the same
/// thing make one Claude round, and each still gets its own id and log row.
/// </summary>
public sealed partial class RecommendationService(
    IRecommendationEngine engine,
    ProtoCache cache,
    DataVersions dataVersions,
    RecommendationLogRepository log,
    TimeProvider timeProvider,
    ILogger<RecommendationService> logger)
{
    private readonly ConcurrentDictionary<string, Lazy<Task<RecommendReply>>> _inFlight = new();

    public async Task<RecommendReply> RecommendAsync(RecommendRequest request, Guid ownerId, CancellationToken cancellationToken)
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
            // Everyone gets a copy: the metadata below is each caller's own.
            reply = (await SharedRunAsync(input, key).WaitAsync(cancellationToken)).Clone();
        }
        else
        {
            // generated_at keeps the time the cached answer was made; the stages are this request's.
            reply.Metadata.Stages.Clear();
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
    private Task<RecommendReply> SharedRunAsync(RecommendationInput input, string key) =>
        // Lazy, because GetOrAdd may call its factory twice in a race; only the stored Lazy ever runs.
        _inFlight.GetOrAdd(key, _ => new Lazy<Task<RecommendReply>>(() => RunOnceAsync(input, key))).Value;

    private async Task<RecommendReply> RunOnceAsync(RecommendationInput input, string key)
    {
        try
        {
            return await ProduceAsync(input, key);
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
    private async Task<RecommendReply> ProduceAsync(RecommendationInput input, string key)
    {
        var result = await engine.RecommendAsync(input, CancellationToken.None);
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

    [LoggerMessage(Level = LogLevel.Information, Message = "Recommendation {RecommendationId} served by the {Engine} engine (cache hit: {CacheHit}) in {ElapsedMs} ms")]
    private static partial void LogServed(ILogger logger, string recommendationId, string engine, bool cacheHit, long elapsedMs);
}
