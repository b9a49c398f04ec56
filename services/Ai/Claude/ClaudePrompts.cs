using System.Globalization;
using System.Text;

using KtEvents.Ai.Model;
using KtEvents.Ai.Recommendations;
using KtEvents.Contracts.Ai.V1;

namespace KtEvents.Ai.Claude;

/// <summary>
/// What Claude is told (seed 003 §3): the role and constraints, then the data. The figures are ours,
/// from SQL; Claude writes words around them and proposes plans from the similar past events.
/// </summary>
public static class ClaudePrompts
{
    public const string System = """
        당신은 한국 소상공인을 위한 이벤트 마케팅 전문가입니다.
        [역할]
        - 매장 정보와 이벤트 목적을 바탕으로 실현 가능하고 구체적인 이벤트 기획안을 제안합니다.
        - 업종별, 지역별, 시즌별 트렌드를 주어진 통계로 설명합니다.
        [제약사항]
        - 모든 문장은 자연스러운 한국어로 씁니다.
        - 주어진 수치만 인용하고, 없는 통계를 만들어 내지 않습니다.
        - 예상 참여자, 비용, 투자대비수익률(ROI)은 제공된 과거 유사 사례에 근거한 현실적인 값으로 정합니다.
        - 답은 반드시 지정된 도구를 한 번 호출해서 제출합니다.
        """;

    public static string Trends(RecommendationInput input, Trends trends)
    {
        var text = new StringBuilder();
        text.AppendLine("다음 통계로 업종·지역·시즌 트렌드를 각각 100자 내외(80~120자)의 한국어 문장으로 써 주세요.");
        text.AppendLine($"- 업종: {Industries.KoreanName(input.Industry)}");
        text.AppendLine($"- 지역: {input.Region.Label}");
        text.AppendLine($"- 이벤트 목적: {input.PurposeKoreanName}");
        text.AppendLine($"- 시즌: {Seasons.KoreanName(input.Season)} ({input.Date:yyyy-MM-dd}){SpecialDays(input)}");
        foreach (var (name, section) in new[] { ("industry", trends.Industry), ("region", trends.Region), ("season", trends.Season) })
        {
            text.AppendLine().AppendLine($"[{name}] {section.Title}");
            foreach (var figure in section.Figures)
            {
                text.AppendLine($"- {figure.Label}: {figure.Value}");
            }
        }
        text.AppendLine().Append($"결과는 {ClaudeTools.TrendNarratives} 도구로 제출하세요.");
        return text.ToString();
    }

    public static string Plans(RecommendationInput input, IReadOnlyDictionary<string, List<SimilarCase>> similar)
    {
        var text = new StringBuilder();
        text.AppendLine("다음 매장을 위한 이벤트 기획안 6개를 제안해 주세요.");
        text.AppendLine("[매장 정보]");
        text.AppendLine($"- 업종: {Industries.KoreanName(input.Industry)}");
        text.AppendLine($"- 지역: {input.Region.Label}");
        text.AppendLine($"- 이벤트 목적: {input.PurposeKoreanName}");
        text.AppendLine($"- 이벤트 시작일: {input.Date:yyyy-MM-dd} ({Seasons.KoreanName(input.Season)}){SpecialDays(input)}");
        text.AppendLine().AppendLine("[요구사항]");
        text.AppendLine("- 칸(slot)마다 정확히 하나씩, 여섯 칸 모두: " + string.Join(", ", PlanSlot.All.Select(s => s.PlanId)));
        text.AppendLine($"- 예산: low {Won(BudgetBand.Low.MinKrw)}~{Won(BudgetBand.Low.MaxKrw)}, medium {Won(BudgetBand.Medium.MinKrw)}~{Won(BudgetBand.Medium.MaxKrw)}, high {Won(BudgetBand.High.MinKrw)}~{Won(BudgetBand.High.MaxKrw)} (cost_krw는 원 단위 정수)");
        text.AppendLine($"- 제목 {PlanLimits.TitleLength}자 이하, 경품 {PlanLimits.PrizeLength}자 이하, 홍보 문구 {PlanLimits.PromotionLineCount}개(각각 해시태그 포함)");
        text.AppendLine("- 같은 방식(온라인/오프라인) 안에서 예산이 클수록 예상 ROI는 낮게: low > medium > high");
        text.AppendLine("- 참여자 수, 기간(일), 경품 수량은 양의 정수. KT 멤버십 포인트 적용 가능 여부를 표시");
        text.AppendLine().AppendLine("[참고 데이터: 칸별 과거 유사 이벤트]");
        foreach (var slot in PlanSlot.All)
        {
            text.AppendLine($"{slot.PlanId}:");
            foreach (var (past, index) in similar[slot.PlanId].Select((c, i) => (c, i + 1)))
            {
                text.AppendLine($"  {index}. {past.EventType} ({past.Kind}) - 경품 {past.Prize}, 참여자 {past.Participants}명, 비용 {Won(past.CostKrw)}, ROI {past.RoiPercent}%{(past.SameIndustry ? "" : ", 다른 업종")}");
            }
        }
        text.AppendLine().Append($"결과는 {ClaudeTools.EventPlans} 도구로 제출하세요.");
        return text.ToString();
    }

    /// <summary>The problems of the first answer, sent back as the tool's result so Claude can correct it.</summary>
    public static string Repair(IReadOnlyList<string> problems) =>
        "제출한 기획안에 다음 문제가 있습니다. 여섯 칸 모두를 고쳐서 "
        + ClaudeTools.EventPlans + " 도구로 다시 제출해 주세요.\n- " + string.Join("\n- ", problems);

    private static string SpecialDays(RecommendationInput input) =>
        input.SpecialDays.Count == 0 ? "" : ", 다가오는 특별한 날: " + string.Join(", ", input.SpecialDays.Select(d => $"{d.Name}({d.Date.Month}/{d.Date.Day})"));

    private static string Won(long krw) => krw.ToString("N0", CultureInfo.InvariantCulture) + "원";
}
