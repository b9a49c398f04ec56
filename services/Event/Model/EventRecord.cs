using KtEvents.Contracts.Ai.V1;
using KtEvents.Contracts.Event.V1;

namespace KtEvents.Event.Model;

/// <summary>
/// One event as stored: the wizard's state while a draft, what was approved afterwards, and once it
/// has ended, the sales the owner reported for it.
/// </summary>
public sealed record EventRecord(
    Guid Id,
    Guid OwnerId,
    string Status,
    EventPurpose Purpose,
    StoreSnapshot Store,
    RecommendReply? Recommendation,
    Plan? SelectedPlan,
    Guid? ImageId,
    ChannelPlan? ChannelPlan,
    DateTimeOffset? StartsAt,
    DateTimeOffset? EndsAt,
    DateTimeOffset? ApprovedAt,
    DateTimeOffset CreatedAt,
    long? SalesIncreaseKrw = null,
    DateTimeOffset? SalesReportedAt = null)
{
    public bool IsDraft => Status == EventStatuses.Draft;

    /// <summary>Marked ended by the end sweep: its participants are counted and EventEnded is published.</summary>
    public bool IsEnded => Status == EventStatuses.Ended;
}
