using KtEvents.Ai.Model;
using KtEvents.Contracts.Ai.V1;

namespace KtEvents.Ai.Recommendations;

/// <summary>
/// The promises every reply keeps, whichever engine wrote it (ARCHITECTURE.md §6 step 4): six distinct
/// slots, costs inside their bands, ROI falling as the budget rises, Korean text within its lengths,
/// five hashtagged promotion lines, figures in every trend section. Returns what is broken, in words
/// that can be sent back to Claude for a repair; the per-plan checks let the Claude engine keep the
/// good plans and fill only the broken slots. The data engine must never produce any.
/// </summary>
public static class RecommendationValidator
{
    /// <summary>A narrative shorter than this says nothing; longer than <see cref="NarrativeMaxLength"/> is not "about 100 characters".</summary>
    public const int NarrativeMinLength = 40;

    public const int NarrativeMaxLength = 250;

    public static IReadOnlyList<string> Check(Trends trends, IReadOnlyList<Plan> plans)
    {
        var problems = new List<string>();
        foreach (var (name, section) in new[] { ("industry", trends.Industry), ("region", trends.Region), ("season", trends.Season) })
        {
            if (section is null || !IsKorean(section.Title) || !IsKorean(section.Narrative) || section.Figures.Count == 0)
            {
                problems.Add($"trends.{name}: needs a Korean title, narrative and figures");
            }
        }

        var expected = PlanSlot.All.Select(s => s.PlanId).ToHashSet();
        if (plans.Count != expected.Count || !plans.Select(p => p.PlanId).ToHashSet().SetEquals(expected))
        {
            problems.Add("plans: need exactly the six slots low/medium/high × online/offline");
        }
        foreach (var plan in plans)
        {
            problems.AddRange(CheckPlan(plan));
        }
        problems.AddRange(CheckRoiOrder(plans));
        return problems;
    }

    /// <summary>A narrative Claude wrote: Korean, about 100 characters.</summary>
    public static IReadOnlyList<string> CheckNarrative(string name, string? narrative) =>
        IsKorean(narrative) && narrative!.Trim().Length is >= NarrativeMinLength and <= NarrativeMaxLength
            ? []
            : [$"{name}: the narrative must be Korean and {NarrativeMinLength}–{NarrativeMaxLength} characters (about 100)"];

    /// <summary>One plan on its own: its slot, band, lengths, Korean text, promotion lines and positive numbers.</summary>
    public static IReadOnlyList<string> CheckPlan(Plan plan)
    {
        var problems = new List<string>();
        var slot = PlanSlot.All.FirstOrDefault(s => s.PlanId == plan.PlanId);
        if (slot is null || slot.Band.Tier != plan.BudgetTier || slot.Kind != plan.Kind)
        {
            problems.Add($"{plan.PlanId}: tier and kind do not match the plan id");
            return problems;
        }
        if (plan.CostKrw < slot.Band.MinKrw || plan.CostKrw > slot.Band.MaxKrw)
        {
            problems.Add($"{plan.PlanId}: cost {plan.CostKrw} is outside {slot.Band.MinKrw}–{slot.Band.MaxKrw}");
        }
        if (!IsKorean(plan.Title) || plan.Title.Length > PlanLimits.TitleLength)
        {
            problems.Add($"{plan.PlanId}: title must be Korean and at most {PlanLimits.TitleLength} characters");
        }
        if (!IsKorean(plan.Prize) || plan.Prize.Length > PlanLimits.PrizeLength)
        {
            problems.Add($"{plan.PlanId}: prize must be Korean and at most {PlanLimits.PrizeLength} characters");
        }
        if (!IsKorean(plan.ParticipationMethod))
        {
            problems.Add($"{plan.PlanId}: the participation method must be Korean");
        }
        if (plan.PromotionLines.Count != PlanLimits.PromotionLineCount || plan.PromotionLines.Any(l => !IsKorean(l) || !l.Contains('#')))
        {
            problems.Add($"{plan.PlanId}: needs {PlanLimits.PromotionLineCount} Korean promotion lines with hashtags");
        }
        if (plan.ExpectedParticipants <= 0 || plan.DurationDays <= 0 || plan.PrizeQuantity <= 0)
        {
            problems.Add($"{plan.PlanId}: participants, duration and prize quantity must be positive");
        }
        return problems;
    }

    /// <summary>Within online and within offline, each budget tier's ROI below the cheaper tier's.</summary>
    public static IReadOnlyList<string> CheckRoiOrder(IReadOnlyList<Plan> plans)
    {
        var problems = new List<string>();
        foreach (var kind in plans.GroupBy(p => p.Kind))
        {
            var ordered = kind.OrderBy(p => p.BudgetTier).ToList();
            for (var i = 1; i < ordered.Count; i++)
            {
                if (ordered[i].ExpectedRoiPercent >= ordered[i - 1].ExpectedRoiPercent)
                {
                    problems.Add($"{ordered[i].PlanId}: ROI must be below {ordered[i - 1].PlanId}'s");
                }
            }
        }
        return problems;
    }

    private static bool IsKorean(string? text) => !string.IsNullOrWhiteSpace(text) && text.Any(c => c is >= '가' and <= '힣');
}
