using KtEvents.Contracts.Ai.V1;

namespace KtEvents.Ai.Model;

/// <summary>Prizes by industry and budget tier (names ≤ 20 characters), shared by the plans and the synthetic dataset.</summary>
public static class PrizeTemplates
{
    /// <summary>The share of a plan's cost spent on prizes; the rest goes to promotion and materials.</summary>
    public const double PrizeShareOfCost = 0.6;

    public static IReadOnlyList<PrizeTemplate> All { get; } =
    [
        new("사이드 메뉴 무료 쿠폰", Industries.Restaurant, BudgetTier.Low, 5_000),
        new("음료 무료 쿠폰", Industries.Restaurant, BudgetTier.Low, 2_500),
        new("아메리카노 기프티콘", Industries.Cafe, BudgetTier.Low, 4_500),
        new("디저트 세트 쿠폰", Industries.Cafe, BudgetTier.Low, 8_000),
        new("5천원 할인 쿠폰", Industries.Retail, BudgetTier.Low, 5_000),
        new("브랜드 에코백", Industries.Retail, BudgetTier.Low, 6_000),
        new("헤어 트리트먼트 쿠폰", Industries.Beauty, BudgetTier.Low, 10_000),
        new("네일 케어 1만원권", Industries.Beauty, BudgetTier.Low, 10_000),
        new("KT 멤버십 5천 포인트", null, BudgetTier.Low, 5_000, KtMembershipPoints: true),
        new("편의점 상품권 5천원", null, BudgetTier.Low, 5_000),

        new("2인 식사권", Industries.Restaurant, BudgetTier.Medium, 40_000),
        new("홀케이크 교환권", Industries.Cafe, BudgetTier.Medium, 35_000),
        new("3만원 상품권", Industries.Retail, BudgetTier.Medium, 30_000),
        new("커트+클리닉 이용권", Industries.Beauty, BudgetTier.Medium, 50_000),
        new("KT 멤버십 2만 포인트", null, BudgetTier.Medium, 20_000, KtMembershipPoints: true),
        new("배달앱 2만원 쿠폰", null, BudgetTier.Medium, 20_000),

        new("4인 코스 식사권", Industries.Restaurant, BudgetTier.High, 160_000),
        new("원두 정기구독 3개월", Industries.Cafe, BudgetTier.High, 90_000),
        new("무선 이어폰", Industries.Retail, BudgetTier.High, 150_000),
        new("펌+염색 패키지", Industries.Beauty, BudgetTier.High, 200_000),
        new("호텔 숙박권", null, BudgetTier.High, 250_000),
        new("KT 멤버십 10만 포인트", null, BudgetTier.High, 100_000, KtMembershipPoints: true),
    ];

    /// <summary>The prizes an event of <paramref name="industry"/> and <paramref name="tier"/> can give, its industry's first.</summary>
    public static IReadOnlyList<PrizeTemplate> For(string industry, BudgetTier tier) =>
        [.. All.Where(p => p.Tier == tier && (p.Industry == industry || p.Industry is null)).OrderBy(p => p.Industry is null)];

    public static PrizeTemplate? Find(string name) => All.FirstOrDefault(p => p.Name == name);
}
