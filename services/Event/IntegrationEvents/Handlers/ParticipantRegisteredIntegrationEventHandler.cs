using KtEvents.Contracts.IntegrationEvents;
using KtEvents.Event.Infrastructure;
using KtEvents.Messaging.EventBus;

namespace KtEvents.Event.IntegrationEvents.Handlers;

/// <summary>
/// Counts the event's actual participants for its EventEnded (seed 003), once per entry number, in
/// the handler's transaction. Entries counted after the event was ended change nothing it published.
/// </summary>
public sealed class ParticipantRegisteredIntegrationEventHandler(IntegrationEventContext context)
    : IIntegrationEventHandler<ParticipantRegisteredIntegrationEvent>
{
    public Task Handle(ParticipantRegisteredIntegrationEvent @event, CancellationToken cancellationToken) =>
        EventRepository.RecordParticipantAsync(context.Connection, context.Transaction, @event.EventId, @event.EntryNumber, cancellationToken);
}
