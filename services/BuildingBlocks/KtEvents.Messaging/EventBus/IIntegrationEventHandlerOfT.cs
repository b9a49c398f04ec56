using KtEvents.Contracts.IntegrationEvents;

namespace KtEvents.Messaging.EventBus;

/// <summary>
/// Handles one integration event type. Resolved from a fresh DI scope per message; inject
/// <see cref="IntegrationEventContext"/> to do the work in the transaction that also records the
/// message in the inbox. Throwing means "not handled": the transaction rolls back and the message is
/// retried later, then dead-lettered after <see cref="EventBusOptions.MaxAttempts"/>.
/// </summary>
public interface IIntegrationEventHandler<in TIntegrationEvent> : IIntegrationEventHandler
    where TIntegrationEvent : IntegrationEvent
{
    Task Handle(TIntegrationEvent @event, CancellationToken cancellationToken);

    Task IIntegrationEventHandler.Handle(IntegrationEvent @event, CancellationToken cancellationToken) =>
        Handle((TIntegrationEvent)@event, cancellationToken);
}
