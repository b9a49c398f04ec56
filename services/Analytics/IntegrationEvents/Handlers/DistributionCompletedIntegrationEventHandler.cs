using KtEvents.Analytics.Infrastructure;
using KtEvents.Contracts.Channels;
using KtEvents.Contracts.IntegrationEvents;
using KtEvents.Messaging.EventBus;

namespace KtEvents.Analytics.IntegrationEvents.Handlers;

/// <summary>Notes when every channel reached a final state.</summary>
public sealed class DistributionCompletedIntegrationEventHandler(
    AnalyticsRepository repository, IntegrationEventContext context, LiveUpdates live, TimeProvider time)
    : IIntegrationEventHandler<DistributionCompletedIntegrationEvent>
{
    public async Task Handle(DistributionCompletedIntegrationEvent @event, CancellationToken cancellationToken)
    {
        if (await repository.RecordDistributionCompletedAsync(@event, time.GetUtcNow(), context.Transaction, cancellationToken))
        {
            context.OnCommitted(() => live.PublishAsync(@event.EventId, LiveHint.Analytics));
        }
    }
}
