namespace KtEvents.Ai.Model;

/// <summary>
/// What an ended event tells the Ai service: a real success case (when its slot and industry are
/// known) and the accuracy of the prediction the owner acted on.
/// </summary>
public sealed record EventOutcome(
    Guid EventId,
    Guid? RecommendationId,
    string PlanId,
    string Industry,
    DateTimeOffset EndsAt,
    int ExpectedParticipants,
    int ActualParticipants,
    SuccessCase? Case)
{
    /// <summary>The case's <c>success_cases.source</c>: one per event, whatever the message id.</summary>
    public string Source => SourceOf(EventId);

    public static string SourceOf(Guid eventId) => $"event:{eventId}";

    public double? Error => PredictionAccuracy.Error(ExpectedParticipants, ActualParticipants);
}
