using KtEvents.Analytics.Infrastructure;
using KtEvents.Contracts.Channels;
using KtEvents.Contracts.IntegrationEvents;
using KtEvents.Messaging.EventBus;

namespace KtEvents.Analytics.IntegrationEvents.Handlers;

/// <summary>Makes the event visible to its owner, with the target and the channel plan to compare against.</summary>
public sealed class EventApprovedIntegrationEventHandler(
    AnalyticsRepository repository, IntegrationEventContext context, LiveUpdates live, TimeProvider time)
    : IIntegrationEventHandler<EventApprovedIntegrationEvent>
{
    public async Task Handle(EventApprovedIntegrationEvent @event, CancellationToken cancellationToken)
    {
        await repository.RecordApprovalAsync(@event, time.GetUtcNow(), context.Transaction, cancellationToken);
        context.OnCommitted(() => live.PublishAsync(@event.EventId, LiveHint.Analytics));
    }
}
