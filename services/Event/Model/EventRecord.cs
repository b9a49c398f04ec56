using KtEvents.Contracts.Ai.V1;
using KtEvents.Contracts.Event.V1;

namespace KtEvents.Event.Model;

/// <summary>One event as stored: the wizard's state while a draft, what was approved afterwards.</summary>
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
    DateTimeOffset CreatedAt)
{
    public bool IsDraft => Status == EventStatuses.Draft;
}
