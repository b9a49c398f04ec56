using KtEvents.Ai.Infrastructure;
using KtEvents.Ai.Model;
using KtEvents.Ai.Telemetry;

namespace KtEvents.Ai.Recommendations;

/// <summary>
/// The similar past events of the six slots (<see cref="SuccessCaseRepository.FindSimilarAsync"/>),
/// cached for 30 minutes per (industry and its data version, region, season): the second cache
/// level of seed 003 §1.1, shared by every purpose and date of that season, and by both engines.
/// </summary>
public sealed class SimilarCaseFinder(SuccessCaseRepository cases, ProtoCache cache)
{
    public async Task<Dictionary<string, List<SimilarCase>>> FindAsync(RecommendationInput input, CancellationToken cancellationToken)
    {
        var key = CacheKeys.Similar(input);
        using (var span = AiTelemetry.Source.StartActivity("ai.cache.similar"))
        {
            span?.SetTag("ai.cache.key", key);
            var cached = await cache.GetJsonAsync<Dictionary<string, List<SimilarCase>>>(key);
            // An entry missing a slot is not ours (a shape from another version): search again.
            var hit = cached is not null && PlanSlot.All.All(slot => cached.ContainsKey(slot.PlanId));
            span?.SetTag("ai.cache.hit", hit);
            if (hit)
            {
                return cached!;
            }
        }

        var similar = await cases.FindSimilarAsync(input, PlanSlot.All, cancellationToken);
        await cache.SetJsonAsync(key, similar, CacheKeys.SimilarTtl);
        return similar;
    }
}
