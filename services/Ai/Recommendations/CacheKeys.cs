using KtEvents.Ai.Model;

namespace KtEvents.Ai.Recommendations;

/// <summary>
/// Redis keys after seed 003 §1.1 (trend:{industry}:{location}:{season}, similar:{industry}:{location}:{season},
/// recommendations:{industry}:{location}:{purpose}), each with the industry's data version right after
/// the industry (<c>d{version}</c>, see <see cref="DataVersions"/>), so new outcomes retire them.
/// The trends and replies use the date instead of the season because the special days around it
/// change the answer too. The <c>v1</c> segment retires old entries whenever the cached shape changes.
/// </summary>
public static class CacheKeys
{
    public static readonly TimeSpan RecommendationTtl = TimeSpan.FromMinutes(15);
    public static readonly TimeSpan TrendsTtl = TimeSpan.FromHours(1);
    public static readonly TimeSpan SimilarTtl = TimeSpan.FromMinutes(30);

    public static string Recommendation(RecommendationInput input, string engine) =>
        $"ai:recommendations:v1:{engine}:{Industry(input)}:{Location(input.Region)}:{input.Purpose}:{input.Date:yyyy-MM-dd}";

    public static string Trends(RecommendationInput input) =>
        $"ai:trend:v1:{Industry(input)}:{Location(input.Region)}:{input.Date:yyyy-MM-dd}";

    /// <summary>
    /// The similar cases of all six slots: the slots' budget bands are fixed, so one entry per
    /// (industry, region, season) holds every (band, kind) the search is ever asked for.
    /// </summary>
    public static string Similar(RecommendationInput input) =>
        $"ai:similar:v1:{Industry(input)}:{Location(input.Region)}:{Seasons.Code(input.Season)}";

    private static string Industry(RecommendationInput input) => $"{input.Industry}:d{input.DataVersion}";

    private static string Location(Region region) => $"{region.City}/{region.District}";
}
