namespace KtEvents.Analytics.Model;

/// <summary>An event's dashboard figures as stored; total exposures are the channels' latest totals added up.</summary>
public sealed record EventFigures(
    Guid EventId,
    long Participants,
    long ExpectedParticipants,
    long TotalCostKrw,
    IReadOnlyList<ChannelFigures> Channels,
    IReadOnlyList<HourlyEntries> Hourly,
    DateTimeOffset UpdatedAt)
{
    public long Exposures => Channels.Sum(channel => channel.Exposures);
}
