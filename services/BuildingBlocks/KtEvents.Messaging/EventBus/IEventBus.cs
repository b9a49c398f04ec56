using KtEvents.Contracts.IntegrationEvents;

namespace KtEvents.Messaging.EventBus;

/// <summary>
/// Publishes an integration event that does not accompany a state change of its own. It is stored in
/// the outbox in a transaction of its own and this returns once it is durable; the relay publishes it,
/// retrying until the broker confirms. When the event describes a change you are committing, write it
/// with <see cref="Outbox.IIntegrationEventOutbox.AddAsync"/> in that change's transaction instead.
/// </summary>
public interface IEventBus
{
    Task PublishAsync(IntegrationEvent @event, CancellationToken cancellationToken = default);
}
