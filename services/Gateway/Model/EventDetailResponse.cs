namespace KtEvents.Gateway.Model;

public sealed record EventDetailResponse(string Id, string Status, string Purpose, StoreSnapshotResponse Store, RecommendationResponse? Recommendation, PlanResponse? SelectedPlan, string? ImageId, ChannelPlanResponse? ChannelPlan, DateTimeOffset? StartsAt, DateTimeOffset? EndsAt, DateTimeOffset? ApprovedAt, DateTimeOffset CreatedAt, SalesReportResponse? Sales);
