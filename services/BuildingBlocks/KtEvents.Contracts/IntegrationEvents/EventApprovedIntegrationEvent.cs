namespace KtEvents.Contracts.IntegrationEvents;

/// <summary>
/// The owner approved an event (UFR-EVENT-050): Distribution posts it, Participation opens its
/// entries, Analytics starts counting. It carries what they need, so none of them calls Event back.
/// </summary>
[RoutingKey("event.event-approved")]
public sealed record EventApprovedIntegrationEvent(
    Guid EventId,
    Guid OwnerId,
    string StoreName,
    string StorePhone,
    string Title,
    string Prize,
    int PrizeQuantity,
    string ParticipationMethod,
    int ExpectedParticipants,
    Guid ImageId,
    DateTimeOffset StartsAt,
    DateTimeOffset EndsAt,
    IReadOnlyList<ApprovedChannel> Channels) : IntegrationEvent;
