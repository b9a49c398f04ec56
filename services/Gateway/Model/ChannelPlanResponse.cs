namespace KtEvents.Gateway.Model;

public sealed record ChannelPlanResponse(IReadOnlyList<ChannelEstimateResponse> Channels, long TotalCostKrw, long TotalExposure);
