using KtEvents.Ai.Model;
using KtEvents.Contracts.Ai.V1;
using KtEvents.Contracts.Problems;

namespace KtEvents.Ai.Feedback;

/// <summary>
/// Checks a <see cref="RecordFeedbackRequest"/> field by field → <see cref="ServiceProblem.Validation"/>.
/// The edit limits are the Event service's (its title and prize edits, 50 and 30 characters), since
/// the edits it accepts are the ones it forwards here; a stricter limit would lose real feedback.
/// </summary>
public static class FeedbackRequestReader
{
    public const int MaxEditedTitleLength = 50;
    public const int MaxEditedPrizeLength = 30;

    public static RecommendationFeedback Read(RecordFeedbackRequest request)
    {
        var errors = new Dictionary<string, string[]>();
        if (!Guid.TryParse(request.RecommendationId, out var recommendationId) || recommendationId == Guid.Empty)
        {
            errors["recommendation_id"] = ["추천 ID가 올바르지 않습니다."];
        }

        var planId = request.PlanId.Trim();
        var title = Edit(request.EditedTitle);
        var prize = Edit(request.EditedPrize);
        string kind;
        switch (request.Kind)
        {
            case FeedbackKind.Selected:
                kind = RecommendationFeedback.Selected;
                if (!PlanSlot.All.Any(slot => slot.PlanId == planId))
                {
                    errors["plan_id"] = ["선택한 추천안을 찾을 수 없습니다."];
                }
                if (title?.Length > MaxEditedTitleLength)
                {
                    errors["edited_title"] = [$"이벤트 제목은 {MaxEditedTitleLength}자 이하로 입력해주세요."];
                }
                if (prize?.Length > MaxEditedPrizeLength)
                {
                    errors["edited_prize"] = [$"경품명은 {MaxEditedPrizeLength}자 이하로 입력해주세요."];
                }
                break;
            case FeedbackKind.Regenerated:
                // 다시 추천받기 rejects the reply as a whole: there is no plan and nothing edited.
                kind = RecommendationFeedback.Regenerated;
                if (planId.Length > 0)
                {
                    errors["plan_id"] = ["다시 추천받기에는 추천안을 지정하지 않습니다."];
                }
                if (title is not null || prize is not null)
                {
                    errors[title is not null ? "edited_title" : "edited_prize"] = ["다시 추천받기에는 수정 내용을 보내지 않습니다."];
                }
                break;
            default:
                kind = "";
                errors["kind"] = ["피드백 종류를 선택해주세요."];
                break;
        }

        if (errors.Count > 0)
        {
            throw ServiceProblem.Validation(errors);
        }
        return new RecommendationFeedback(recommendationId, kind, planId, title, prize);
    }

    /// <summary>Blank means "unchanged".</summary>
    private static string? Edit(string value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
