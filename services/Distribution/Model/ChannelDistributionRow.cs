using System.Text.Json.Nodes;

namespace KtEvents.Distribution.Model;

/// <summary>
/// A channel of an event as the owner sees it (UFR-DIST-020). <see cref="Details"/> is what the
/// channel answered beyond its id and address (링고비즈's update time, 지니TV's schedule), as it sent it;
/// <see cref="AttemptInFlight"/> says a worker holds the row right now.
/// </summary>
public sealed record ChannelDistributionRow(
    string Channel,
    string State,
    int Attempts,
    string? ExternalId,
    string? PostUrl,
    string? ErrorMessage,
    DateTimeOffset UpdatedAt,
    long ExpectedExposure,
    long? ReportedExposure = null,
    JsonNode? Details = null,
    bool AttemptInFlight = false);
