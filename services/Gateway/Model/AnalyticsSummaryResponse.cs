namespace KtEvents.Gateway.Model;

public sealed record AnalyticsSummaryResponse(
    string EventId,
    long Participants,
    long Exposures,
    long ExpectedParticipants,
    long TotalCostKrw,
    IReadOnlyList<ChannelFiguresResponse> Channels,
    DateTimeOffset? UpdatedAt,
    IReadOnlyList<HourlyParticipantsResponse> Hourly);
