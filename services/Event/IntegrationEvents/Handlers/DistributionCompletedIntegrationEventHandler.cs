using KtEvents.Contracts.Channels;
using KtEvents.Contracts.IntegrationEvents;
using KtEvents.Event.Grpc;
using KtEvents.Event.Infrastructure;
using KtEvents.Messaging.EventBus;

namespace KtEvents.Event.IntegrationEvents.Handlers;

/// <summary>
/// An approved event goes from 예정 to 진행중 when Distribution has finished posting it
/// (UFR-EVENT-010's sections follow from that). Written in the handler's transaction, so a
/// redelivery finds the inbox row and changes nothing.
/// </summary>
public sealed class DistributionCompletedIntegrationEventHandler(
    IntegrationEventContext context,
    LiveUpdates live,
    TimeProvider time,
    ILogger<DistributionCompletedIntegrationEventHandler> logger) : IIntegrationEventHandler<DistributionCompletedIntegrationEvent>
{
    public async Task Handle(DistributionCompletedIntegrationEvent @event, CancellationToken cancellationToken)
    {
        if (await EventRepository.ActivateAsync(context.Connection, context.Transaction, @event.EventId, time.GetUtcNow(), cancellationToken))
        {
            EventLog.Activated(logger, @event.EventId);
            context.OnCommitted(() => live.PublishAsync(@event.EventId, LiveHint.Event));
        }
    }
}
