using KtEvents.Contracts.IntegrationEvents;

namespace KtEvents.Event.Model;

/// <summary>An event the sweep marked ended: its participants then, and the EventEnded it published (null without a plan).</summary>
public sealed record EndedEvent(Guid EventId, int ActualParticipants, EventEndedIntegrationEvent? Published);
