namespace KtEvents.Gateway.Model;

public sealed record RecommendationMetadataResponse(string Engine, bool CacheHit, bool SyntheticData, string RecommendationId, DateTimeOffset? GeneratedAt, IReadOnlyList<StageTimingResponse> Stages, int InputTokens, int OutputTokens);
