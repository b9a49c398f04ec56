namespace KtEvents.Gateway.Model;

public sealed record DistributionResponse(string EventId, IReadOnlyList<ChannelDistributionResponse> Channels);
