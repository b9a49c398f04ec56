namespace KtEvents.Ai.Feedback;

/// <summary>A checked <c>RecordFeedbackRequest</c>: kind is "selected" or "regenerated"; plan id "" for regenerated; edits null when unchanged.</summary>
public sealed record RecommendationFeedback(Guid RecommendationId, string Kind, string PlanId, string? EditedTitle, string? EditedPrize)
{
    public const string Selected = "selected";
    public const string Regenerated = "regenerated";
}
