using KtEvents.Ai.Infrastructure.Seeding;
using KtEvents.Ai.Model;

namespace KtEvents.Ai.Tests;

public sealed class SyntheticCaseGeneratorTests
{
    private static readonly DateOnly Anchor = new(2026, 11, 21);

    [Fact]
    public void UFR_AI_010_the_dataset_follows_seed_003_distribution_targets()
    {
        var cases = SyntheticCaseGenerator.Generate(Anchor);

        Assert.Equal(400, cases.Count);
        AssertShare(cases, c => c.Industry == Industries.Restaurant, 40);
        AssertShare(cases, c => c.Industry == Industries.Retail, 25);
        AssertShare(cases, c => c.Industry == Industries.Beauty, 20);
        AssertShare(cases, c => c.Industry == Industries.Cafe, 10);
        AssertShare(cases, c => c.Industry == Industries.Other, 5);
        AssertShare(cases, c => c.BudgetKrw <= 500_000, 40);
        AssertShare(cases, c => c.BudgetKrw is > 500_000 and <= 2_000_000, 35);
        AssertShare(cases, c => c.BudgetKrw > 2_000_000, 25);
        AssertShare(cases, c => c.City == "서울", 30);
        AssertShare(cases, c => c.City == "경기", 25);
        AssertShare(cases, c => c.City is "부산" or "대구" or "인천", 20);
        AssertShare(cases, c => c.City is not ("서울" or "경기" or "부산" or "대구" or "인천"), 25);
    }

    [Fact]
    public void UFR_AI_010_the_dataset_covers_the_last_year_every_season_and_the_last_three_months()
    {
        var cases = SyntheticCaseGenerator.Generate(Anchor);

        Assert.All(cases, c => Assert.InRange(c.EventDate, Anchor.AddDays(-365), Anchor.AddDays(-1)));
        Assert.Equal(Enum.GetValues<Season>().Order(), cases.Select(c => c.Season).Distinct().Order());
        Assert.All(cases, c => Assert.Equal(Seasons.Of(c.EventDate), c.Season));
        Assert.InRange(cases.Count(c => c.EventDate >= Anchor.AddMonths(-3)), 80, 120);
        Assert.All(cases, c => Assert.True(c.Participants > 0 && c.CostKrw <= c.BudgetKrw && c.Title.Length > 0));
    }

    [Fact]
    public void UFR_AI_010_the_same_seed_and_anchor_give_the_same_cases()
    {
        Assert.Equal(SyntheticCaseGenerator.Generate(Anchor), SyntheticCaseGenerator.Generate(Anchor));
        Assert.NotEqual(SyntheticCaseGenerator.Generate(Anchor), SyntheticCaseGenerator.Generate(Anchor, seed: 7));
    }

    [Fact]
    public void UFR_AI_010_the_dataset_has_cases_near_every_plan_band_for_every_industry()
    {
        var cases = SyntheticCaseGenerator.Generate(Anchor);

        foreach (var industry in Industries.All)
        {
            foreach (var band in BudgetBand.All)
            {
                Assert.True(
                    cases.Count(c => c.Industry == industry && c.BudgetKrw >= band.SimilarMinKrw && c.BudgetKrw <= band.SimilarMaxKrw) >= 3,
                    $"{industry} {band.Code}");
            }
        }
    }

    private static void AssertShare(IReadOnlyList<SuccessCase> cases, Func<SuccessCase, bool> predicate, int percent)
    {
        var actual = 100.0 * cases.Count(predicate) / cases.Count;
        Assert.InRange(actual, percent - 1.0, percent + 1.0);
    }
}
