namespace KtEvents.Participation.Model;

/// <summary>
/// The public facts of an approved event, kept from <c>EventApprovedIntegrationEvent</c> so that the
/// public page and entries never call the Event service.
/// </summary>
public sealed record ParticipationEvent(
    Guid EventId,
    Guid OwnerId,
    string StoreName,
    string Title,
    string Prize,
    string ParticipationMethod,
    Guid ImageId,
    DateTimeOffset StartsAt,
    DateTimeOffset EndsAt,
    DateTimeOffset AnnounceAt)
{
    /// <summary>Winners are announced three days after the event ends (UFR-PART-010, 당첨 발표일 안내).</summary>
    public static readonly TimeSpan AnnouncementDelay = TimeSpan.FromDays(3);

    public bool IsOpenAt(DateTimeOffset now) => now >= StartsAt && now < EndsAt;
}
