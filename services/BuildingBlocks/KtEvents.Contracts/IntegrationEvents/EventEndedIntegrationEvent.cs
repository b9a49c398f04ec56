namespace KtEvents.Contracts.IntegrationEvents;

/// <summary>
/// An event's period is over, with what actually happened: the Ai service adds it to its success
/// cases and measures its prediction against it (seed 003: accuracy = |예측 − 실제| / 실제), keyed by
/// the recommendation and plan the owner chose. Its ROI is not known yet: the owner reports the
/// sales after the end, in <see cref="EventSalesReportedIntegrationEvent"/>.
/// </summary>
/// <param name="RecommendationId">The recommendation the plan came from; null if the owner wrote the plan without one.</param>
/// <param name="PlanId">The chosen plan's slot, e.g. "medium-online".</param>
/// <param name="Industry">restaurant, cafe, retail, beauty or other.</param>
/// <param name="Address">The store's address, from which the region is parsed.</param>
/// <param name="Purpose">new_customers, revisit, sales or awareness.</param>
[RoutingKey("event.event-ended")]
public sealed record EventEndedIntegrationEvent(
    Guid EventId,
    Guid OwnerId,
    Guid? RecommendationId,
    string PlanId,
    string Title,
    string Prize,
    string ParticipationMethod,
    string Industry,
    string Address,
    string Purpose,
    DateTimeOffset StartsAt,
    DateTimeOffset EndsAt,
    long CostKrw,
    int ExpectedParticipants,
    int ActualParticipants) : IntegrationEvent;
