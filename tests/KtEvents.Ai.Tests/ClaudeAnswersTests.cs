using System.Text.Json;

using KtEvents.Ai.Claude;
using KtEvents.Ai.Recommendations;

namespace KtEvents.Ai.Tests;

/// <summary>Reading Claude's tool arguments plan by plan: a broken plan costs its slot, with a problem Claude can act on.</summary>
public sealed class ClaudeAnswersTests
{
    [Fact]
    public void UFR_AI_010_each_readable_plan_is_kept_and_each_broken_one_is_named()
    {
        var problems = new List<string>();
        var arguments = JsonDocument.Parse($$"""
            {"plans": [
              {{Plan("low-online")}},
              {{Plan("low-online")}},
              {{Plan("medium-online").Replace("\"cost_krw\": 1600000", "\"cost_krw\": \"백육십만원\"")}},
              {{Plan("mid-offline")}},
              {{Plan("high-offline")}}
            ]}
            """).RootElement;

        var plans = ClaudeAnswers.ReadPlans(arguments, problems);

        Assert.Equal(["low-online", "high-offline"], plans.Keys);
        Assert.Contains("low-online: proposed more than once", problems);
        Assert.Contains(problems, p => p.StartsWith("medium-online: every field is required"));
        Assert.Contains(problems, p => p.StartsWith("plans[3]: slot must be one of"));
        Assert.Equal(5_200_000, plans["high-offline"].CostKrw);
        Assert.Empty(RecommendationValidator.CheckPlan(plans["high-offline"]));
    }

    [Fact]
    public void UFR_AI_010_a_plan_outside_its_band_or_without_hashtags_fails_its_own_check()
    {
        var plan = ClaudeAnswers.ReadPlans(JsonDocument.Parse($$"""{"plans": [{{Plan("low-offline")}}]}""").RootElement, [])["low-offline"];
        plan.CostKrw = 1_000_000;
        plan.PromotionLines[2] = "해시태그 없는 문구";

        var problems = RecommendationValidator.CheckPlan(plan);

        Assert.Contains(problems, p => p.StartsWith("low-offline: cost 1000000 is outside"));
        Assert.Contains(problems, p => p.StartsWith("low-offline: needs 5 Korean promotion lines"));
    }

    [Fact]
    public void UFR_EVENT_030_a_narrative_must_be_korean_and_about_a_hundred_characters()
    {
        Assert.Empty(RecommendationValidator.CheckNarrative("industry", new string('가', 100)));
        Assert.NotEmpty(RecommendationValidator.CheckNarrative("industry", "짧음"));
        Assert.NotEmpty(RecommendationValidator.CheckNarrative("industry", new string('a', 100)));
        Assert.NotEmpty(RecommendationValidator.CheckNarrative("industry", new string('가', 400)));
        Assert.Null(ClaudeAnswers.ReadNarratives(JsonDocument.Parse("""{"industry": "업종", "region": 3}""").RootElement, []));
    }

    private static string Plan(string slot)
    {
        var cost = slot.Split('-')[0] switch { "low" => 280_000, "medium" => 1_600_000, _ => 5_200_000 };
        return $$"""
            {"slot": "{{slot}}", "title": "겨울 카페 댓글 이벤트", "prize": "아메리카노 1잔", "participation_method": "댓글로 응모",
             "promotion_lines": ["지금 참여 #카페", "경품 받기 #이벤트", "겨울 한정 #겨울", "이웃과 함께 #동네", "KT 멤버십 #KT"],
             "expected_participants": 120, "cost_krw": {{cost}}, "expected_roi_percent": 150,
             "kt_membership_points": true, "duration_days": 7, "prize_quantity": 30}
            """;
    }
}
