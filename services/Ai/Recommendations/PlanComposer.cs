using KtEvents.Ai.Model;
using KtEvents.Contracts.Ai.V1;

namespace KtEvents.Ai.Recommendations;

/// <summary>
/// Builds the six plans. The words come from templates chosen by purpose, industry and season; the
/// numbers come from each slot's similar past events: cost is their mean cost held inside the band,
/// participants their mean scaled to that cost, ROI their mean. ROI is then made to fall as the
/// budget rises (UFR-AI-010: the low option is about reach, the high one about sales, not return).
/// </summary>
public sealed class PlanComposer
{
    /// <summary>The least ROI gap between neighbouring budget tiers.</summary>
    public const int RoiStepPercent = 5;

    public IReadOnlyList<Plan> Compose(RecommendationInput input, IReadOnlyDictionary<string, List<SimilarCase>> similar)
    {
        var plans = PlanSlot.All.Select(slot => Compose(input, slot, similar[slot.PlanId])).ToList();
        EnforceFallingRoi(plans);
        return plans;
    }

    private static Plan Compose(RecommendationInput input, PlanSlot slot, IReadOnlyList<SimilarCase> cases)
    {
        if (cases.Count == 0)
        {
            throw new InvalidOperationException($"No past event is similar to {slot.PlanId}; the dataset is missing.");
        }
        var band = slot.Band;
        var cost = Math.Clamp(RoundTo((long)cases.Average(c => c.CostKrw), 10_000), band.MinKrw, band.MaxKrw);
        var participants = (int)Math.Round(cases.Average(c => c.Participants * ((double)cost / c.CostKrw)));
        var roi = (int)Math.Round(cases.Average(c => c.RoiPercent));

        var participation = ParticipationTemplates.For(input.Purpose, slot.Kind, band.Tier);
        var prize = ChoosePrize(input, band, cases);
        var quantity = (int)Math.Max(1, cost * PrizeTemplates.PrizeShareOfCost / prize.UnitPriceKrw);
        var duration = band.Tier switch { BudgetTier.Low => 7, BudgetTier.Medium => 14, _ => 30 };
        var membershipPoints = prize.KtMembershipPoints || input.Purpose == EventPurpose.Revisit;
        var title = Title(input, participation);

        var plan = new Plan
        {
            PlanId = slot.PlanId,
            BudgetTier = band.Tier,
            Kind = slot.Kind,
            Title = title,
            Prize = prize.Name,
            ParticipationMethod = participation.Method,
            ExpectedParticipants = participants,
            CostKrw = cost,
            ExpectedRoiPercent = roi,
            KtMembershipPoints = membershipPoints,
            DurationDays = duration,
            PrizeQuantity = quantity,
        };
        plan.PromotionLines.AddRange(PromotionLines(input, plan, participation));
        return plan;
    }

    /// <summary>The prize most similar past events gave, if the tier offers it; else one picked by purpose.</summary>
    private static PrizeTemplate ChoosePrize(RecommendationInput input, BudgetBand band, IReadOnlyList<SimilarCase> cases)
    {
        var offered = PrizeTemplates.For(input.Industry, band.Tier);
        var popular = cases
            .GroupBy(c => c.Prize)
            .OrderByDescending(g => g.Count()).ThenByDescending(g => g.Max(c => c.RoiPercent))
            .Select(g => offered.FirstOrDefault(p => p.Name == g.Key))
            .FirstOrDefault(p => p is not null);
        if (popular is not null)
        {
            return popular;
        }
        // Revisits are rewarded best with points customers bring back; the rest with the industry's own prize.
        return input.Purpose == EventPurpose.Revisit
            ? offered.FirstOrDefault(p => p.KtMembershipPoints) ?? offered[0]
            : offered[0];
    }

    private static string Title(RecommendationInput input, ParticipationTemplate participation)
    {
        var occasion = input.SpecialDays.Count > 0 ? input.SpecialDays[0].Name : $"{Seasons.KoreanName(input.Season)}맞이";
        var title = $"{occasion} {Industries.KoreanName(input.Industry)} {participation.EventType} 이벤트";
        return title.Length <= PlanLimits.TitleLength ? title : $"{occasion} {participation.EventType} 이벤트";
    }

    private static IEnumerable<string> PromotionLines(RecommendationInput input, Plan plan, ParticipationTemplate participation)
    {
        var industry = Industries.KoreanName(input.Industry);
        var season = Seasons.KoreanName(input.Season);
        var occasion = input.SpecialDays.Count > 0 ? input.SpecialDays[0].Name : season;
        var place = input.Region.HasDistrict ? input.Region.District : input.Region.HasCity ? input.Region.City : "우리동네";
        yield return $"{plan.Title} 시작! {Korean.WithParticle(plan.Prize, "을", "를")} 받아 가세요 {Tag(industry + "이벤트")} {Tag(place)}";
        yield return $"참여 방법은 간단해요: {participation.Method} {Tag("이벤트참여")} {Tag(participation.EventType)}";
        yield return $"{plan.DurationDays}일 동안만 진행하는 {occasion} 한정 혜택 {Tag(occasion + "이벤트")} {Tag("기간한정")}";
        yield return $"추첨으로 {plan.PrizeQuantity}명께 {Korean.WithParticle(plan.Prize, "을", "를")} 드립니다 {Tag("경품이벤트")} {Tag(plan.Prize)}";
        yield return plan.KtMembershipPoints
            ? $"KT 멤버십 포인트 혜택도 함께 챙기세요 {Tag("KT멤버십")} {Tag(place + industry)}"
            : $"{place} 이웃 여러분의 많은 참여 기다려요 {Tag(place + industry)} {Tag("동네가게")}";
    }

    /// <summary>A hashtag: letters and digits only, as SNS hashtags stop at a space or symbol.</summary>
    private static string Tag(string text) => "#" + string.Concat(text.Where(char.IsLetterOrDigit));

    /// <summary>Within each kind, each tier's ROI at least <see cref="RoiStepPercent"/> below the cheaper one's.</summary>
    private static void EnforceFallingRoi(List<Plan> plans)
    {
        foreach (var kind in plans.GroupBy(p => p.Kind))
        {
            Plan? cheaper = null;
            foreach (var plan in kind.OrderBy(p => p.BudgetTier))
            {
                if (cheaper is not null && plan.ExpectedRoiPercent > cheaper.ExpectedRoiPercent - RoiStepPercent)
                {
                    plan.ExpectedRoiPercent = cheaper.ExpectedRoiPercent - RoiStepPercent;
                }
                cheaper = plan;
            }
        }
    }

    private static long RoundTo(long value, long unit) => (value + (unit / 2)) / unit * unit;
}
