using System.Text.Json;

using KtEvents.Ai.Model;
using KtEvents.Ai.Recommendations;

using Microsoft.Extensions.AI;

namespace KtEvents.Ai.Claude;

/// <summary>
/// The two tools Claude is made to call (<c>tool_choice {type:"tool", name}</c>): their inputs are
/// the structured answers. Declarations only: nothing runs them, we read their arguments.
/// The shapes are a contract shared with the Sandbox's Claude double.
/// </summary>
public static class ClaudeTools
{
    public const string TrendNarratives = "write_trend_narratives";
    public const string EventPlans = "propose_event_plans";

    public static AIFunctionDeclaration TrendNarrativesTool { get; } = AIFunctionFactory.CreateDeclaration(
        TrendNarratives,
        "업종·지역·시즌 트렌드를 각각 100자 내외의 한국어 문장으로 기록합니다. 주어진 수치만 사용합니다.",
        JsonDocument.Parse("""
            {
              "type": "object",
              "properties": {
                "industry": { "type": "string", "description": "업종 트렌드, 100자 내외 한국어" },
                "region": { "type": "string", "description": "지역 특성, 100자 내외 한국어" },
                "season": { "type": "string", "description": "시즌 트렌드, 100자 내외 한국어" }
              },
              "required": ["industry", "region", "season"]
            }
            """).RootElement.Clone());

    public static AIFunctionDeclaration EventPlansTool { get; } = AIFunctionFactory.CreateDeclaration(
        EventPlans,
        "예산(저·중·고) × 방식(온라인·오프라인) 여섯 칸에 하나씩, 이벤트 기획안 6개를 제출합니다.",
        JsonDocument.Parse($$"""
            {
              "type": "object",
              "properties": {
                "plans": {
                  "type": "array",
                  "minItems": 6,
                  "maxItems": 6,
                  "items": {
                    "type": "object",
                    "properties": {
                      "slot": { "type": "string", "enum": [{{string.Join(", ", PlanSlot.All.Select(s => $"\"{s.PlanId}\""))}}] },
                      "title": { "type": "string", "maxLength": {{PlanLimits.TitleLength}} },
                      "prize": { "type": "string", "maxLength": {{PlanLimits.PrizeLength}} },
                      "participation_method": { "type": "string" },
                      "promotion_lines": { "type": "array", "items": { "type": "string" }, "minItems": {{PlanLimits.PromotionLineCount}}, "maxItems": {{PlanLimits.PromotionLineCount}} },
                      "expected_participants": { "type": "integer", "minimum": 1 },
                      "cost_krw": { "type": "integer", "minimum": {{BudgetBand.Low.MinKrw}}, "maximum": {{BudgetBand.High.MaxKrw}} },
                      "expected_roi_percent": { "type": "integer" },
                      "kt_membership_points": { "type": "boolean" },
                      "duration_days": { "type": "integer", "minimum": 1 },
                      "prize_quantity": { "type": "integer", "minimum": 1 }
                    },
                    "required": ["slot", "title", "prize", "participation_method", "promotion_lines", "expected_participants",
                                 "cost_krw", "expected_roi_percent", "kt_membership_points", "duration_days", "prize_quantity"]
                  }
                }
              },
              "required": ["plans"]
            }
            """).RootElement.Clone());
}
