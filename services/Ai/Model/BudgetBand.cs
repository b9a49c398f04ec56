using KtEvents.Contracts.Ai.V1;

namespace KtEvents.Ai.Model;

/// <summary>The cost range a plan of one budget tier must fall in (ai.proto: 25–30만원, 150–180만원, 500–600만원).</summary>
public sealed record BudgetBand(BudgetTier Tier, string Code, long MinKrw, long MaxKrw)
{
    public static BudgetBand Low { get; } = new(BudgetTier.Low, "low", 250_000, 300_000);
    public static BudgetBand Medium { get; } = new(BudgetTier.Medium, "medium", 1_500_000, 1_800_000);
    public static BudgetBand High { get; } = new(BudgetTier.High, "high", 5_000_000, 6_000_000);

    /// <summary>Cheapest first: ROI must fall along this order.</summary>
    public static IReadOnlyList<BudgetBand> All { get; } = [Low, Medium, High];

    public long MidKrw => (MinKrw + MaxKrw) / 2;

    /// <summary>Similar past events spent within ±50 % of the band's middle (seed 003 §4.2).</summary>
    public long SimilarMinKrw => MidKrw / 2;

    public long SimilarMaxKrw => MidKrw * 3 / 2;

    public static BudgetBand Of(BudgetTier tier) => All.Single(b => b.Tier == tier);
}
