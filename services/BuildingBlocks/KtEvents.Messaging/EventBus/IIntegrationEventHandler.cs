using KtEvents.Contracts.IntegrationEvents;

namespace KtEvents.Messaging.EventBus;

/// <summary>The untyped face of <see cref="IIntegrationEventHandler{TIntegrationEvent}"/> the consumer calls.</summary>
public interface IIntegrationEventHandler
{
    Task Handle(IntegrationEvent @event, CancellationToken cancellationToken);
}
