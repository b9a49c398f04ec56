namespace KtEvents.Contracts.IntegrationEvents;

/// <summary>A customer entered an event (UFR-PART-010). No name or phone: analytics needs counts only.</summary>
[RoutingKey("participation.participant-registered")]
public sealed record ParticipantRegisteredIntegrationEvent(
    Guid EventId,
    string EntryNumber,
    string? Channel,
    DateTimeOffset EnteredAt) : IntegrationEvent;
