using KtEvents.Ai.Infrastructure;
using KtEvents.Ai.Model;
using KtEvents.Contracts.Ai.V1;

namespace KtEvents.Ai.Recommendations;

/// <summary>
/// The trend sections (industry, region, season) from SQL aggregates over the success cases, cached
/// for an hour. Each section looks at the last three months first and widens (longer period, then
/// the whole city, then the whole country) until it has <see cref="MinimumCases"/> cases, and says so.
/// </summary>
public sealed class TrendAnalyzer(SuccessCaseRepository cases, ProtoCache cache, TrendWriter writer, TimeProvider timeProvider)
{
    /// <summary>Fewer cases than this make a ranking noise rather than a trend.</summary>
    public const int MinimumCases = 8;

    /// <summary>The trends, and whether they came from the cache.</summary>
    public async Task<(Trends Trends, bool CacheHit)> AnalyzeAsync(RecommendationInput input, CancellationToken cancellationToken)
    {
        var key = CacheKeys.Trends(input);
        if (await cache.GetAsync(key, Trends.Parser) is { } cached)
        {
            return (cached, true);
        }

        // Periods end today, whatever the event's date: the past events are the data there is.
        var today = SeoulClock.Today(timeProvider);
        var candidates = new[] { IndustryScopes(input, today), RegionScopes(input, today), SeasonScopes(input, today) };
        var counts = await cases.CountAsync([.. candidates.SelectMany(c => c)], cancellationToken);
        var chosen = new List<TrendScope>();
        var offset = 0;
        foreach (var scopes in candidates)
        {
            chosen.Add(Choose(scopes, counts.AsSpan(offset, scopes.Length)));
            offset += scopes.Length;
        }
        // The country over the region's period: the yardstick for the region's success rate.
        chosen.Add(chosen[1] with { City = null, District = null, Description = "전국" });

        var aggregates = await cases.AggregateAsync(chosen, cancellationToken);
        var trends = new Trends
        {
            Industry = writer.Industry(input, aggregates[0]),
            Region = writer.Region(input, aggregates[1], aggregates[3]),
            Season = writer.Season(input, aggregates[2]),
        };
        await cache.SetAsync(key, trends, CacheKeys.TrendsTtl);
        return (trends, false);
    }

    private static TrendScope Choose(TrendScope[] scopes, ReadOnlySpan<int> counts)
    {
        for (var i = 0; i < scopes.Length; i++)
        {
            if (counts[i] >= MinimumCases)
            {
                return scopes[i] with { Widened = i > 0 };
            }
        }
        return scopes[^1] with { Widened = scopes.Length > 1 };
    }

    private static TrendScope[] IndustryScopes(RecommendationInput input, DateOnly today) =>
    [
        new(input.Industry, null, null, null, today.AddMonths(-3), "최근 3개월"),
        new(input.Industry, null, null, null, today.AddMonths(-6), "최근 6개월"),
        new(input.Industry, null, null, null, today.AddMonths(-12), "최근 1년"),
    ];

    private static TrendScope[] RegionScopes(RecommendationInput input, DateOnly today)
    {
        var region = input.Region;
        var scopes = new List<TrendScope>();
        if (region.HasDistrict)
        {
            scopes.Add(new(null, region.City, region.District, null, today.AddMonths(-3), "최근 3개월"));
            scopes.Add(new(null, region.City, region.District, null, today.AddMonths(-6), "최근 6개월"));
            scopes.Add(new(null, region.City, region.District, null, today.AddMonths(-12), "최근 1년"));
        }
        if (region.HasCity)
        {
            scopes.Add(new(null, region.City, null, null, today.AddMonths(-3), $"{region.City} 전체 · 최근 3개월"));
            scopes.Add(new(null, region.City, null, null, today.AddMonths(-12), $"{region.City} 전체 · 최근 1년"));
        }
        scopes.Add(new(null, null, null, null, today.AddMonths(-3), "전국 · 최근 3개월"));
        return [.. scopes];
    }

    private static TrendScope[] SeasonScopes(RecommendationInput input, DateOnly today) =>
    [
        // A season comes once a year, so its cases are looked for over the past year.
        new(input.Industry, null, null, input.Season, today.AddMonths(-12), "최근 1년"),
        new(null, null, null, input.Season, today.AddMonths(-12), "전 업종 · 최근 1년"),
    ];
}
