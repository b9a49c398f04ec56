namespace KtEvents.Gateway.Model;

public sealed record RecommendationResponse(TrendsResponse Trends, IReadOnlyList<PlanResponse> Plans, RecommendationMetadataResponse Metadata);
