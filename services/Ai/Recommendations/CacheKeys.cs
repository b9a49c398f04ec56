using KtEvents.Ai.Model;

namespace KtEvents.Ai.Recommendations;

/// <summary>
/// Redis keys after seed 003 §1.1 (recommendations:{industry}:{location}:{purpose}, trend:{industry}:{location}:{season}).
/// The date stands in for the season because the special days around it change the answer too.
/// The version segment retires old entries whenever the cached shape changes.
/// </summary>
public static class CacheKeys
{
    public static readonly TimeSpan RecommendationTtl = TimeSpan.FromMinutes(15);
    public static readonly TimeSpan TrendsTtl = TimeSpan.FromHours(1);

    public static string Recommendation(RecommendationInput input, string engine) =>
        $"ai:recommendations:v1:{engine}:{input.Industry}:{Location(input.Region)}:{input.Purpose}:{input.Date:yyyy-MM-dd}";

    public static string Trends(RecommendationInput input) =>
        $"ai:trend:v1:{input.Industry}:{Location(input.Region)}:{input.Date:yyyy-MM-dd}";

    private static string Location(Region region) => $"{region.City}/{region.District}";
}
