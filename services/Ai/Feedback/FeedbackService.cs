using KtEvents.Ai.Infrastructure;
using KtEvents.Contracts.Ai.V1;
using KtEvents.Contracts.Problems;

namespace KtEvents.Ai.Feedback;

/// <summary>
/// UFR-AI-010 feedback (seed 003 "사용자 피드백"): the plan the owner chose and their edits count as
/// positive, 다시 추천받기 as negative, each kept with the recommendation log row it is about.
/// Owner-scoped: another owner's recommendation is as missing as one that never existed.
/// </summary>
public sealed partial class FeedbackService(RecommendationFeedbackRepository repository, ILogger<FeedbackService> logger)
{
    public async Task<RecordFeedbackReply> RecordAsync(RecordFeedbackRequest request, Guid ownerId, CancellationToken cancellationToken)
    {
        var feedback = FeedbackRequestReader.Read(request);
        if (!await repository.RecordAsync(ownerId, feedback, cancellationToken))
        {
            throw ServiceProblem.NotFound("recommendation_not_found", "추천 결과를 찾을 수 없습니다.");
        }
        LogRecorded(logger, feedback.RecommendationId, feedback.Kind, feedback.PlanId, feedback.EditedTitle is not null, feedback.EditedPrize is not null);
        return new RecordFeedbackReply();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Feedback {Kind} {PlanId} on recommendation {RecommendationId} (title edited: {TitleEdited}, prize edited: {PrizeEdited})")]
    private static partial void LogRecorded(ILogger logger, Guid recommendationId, string kind, string planId, bool titleEdited, bool prizeEdited);
}
