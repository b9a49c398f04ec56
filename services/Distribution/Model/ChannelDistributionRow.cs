namespace KtEvents.Distribution.Model;

/// <summary>A channel of an event as the owner sees it (UFR-DIST-020).</summary>
public sealed record ChannelDistributionRow(
    string Channel,
    string State,
    int Attempts,
    string? ExternalId,
    string? PostUrl,
    string? ErrorMessage,
    DateTimeOffset UpdatedAt,
    long ExpectedExposure);
