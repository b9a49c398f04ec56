namespace KtEvents.Gateway.Model;

public sealed record ChannelDistributionResponse(string Channel, string State, int Attempts, string? ExternalId, string? PostUrl, string? ErrorMessage, DateTimeOffset? UpdatedAt, long ExpectedExposure);
