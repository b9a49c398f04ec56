using KtEvents.Contracts.Ai.V1;

namespace KtEvents.Ai.Model;

/// <summary>A checked <see cref="RecommendRequest"/>: what every engine works from.</summary>
public sealed record RecommendationInput(string Industry, Region Region, EventPurpose Purpose, DateOnly Date)
{
    /// <summary>The industry's data version when the request began (<c>DataVersions</c>): part of every cache key.</summary>
    public long DataVersion { get; init; }

    public Season Season => Seasons.Of(Date);

    public IReadOnlyList<SpecialDay> SpecialDays => SpecialDayCalendar.Around(Date);

    public string PurposeKoreanName => Purpose switch
    {
        EventPurpose.NewCustomers => "신규 고객 유치",
        EventPurpose.Revisit => "재방문 유도",
        EventPurpose.Sales => "매출 증대",
        _ => "인지도 향상",
    };
}
