using KtEvents.Analytics.Infrastructure;
using KtEvents.Contracts.Channels;
using KtEvents.Contracts.IntegrationEvents;
using KtEvents.Messaging.EventBus;

namespace KtEvents.Analytics.IntegrationEvents.Handlers;

/// <summary>Counts an entry in the total, its channel and its hour, once per entry number.</summary>
public sealed class ParticipantRegisteredIntegrationEventHandler(
    AnalyticsRepository repository, IntegrationEventContext context, LiveUpdates live, TimeProvider time)
    : IIntegrationEventHandler<ParticipantRegisteredIntegrationEvent>
{
    public async Task Handle(ParticipantRegisteredIntegrationEvent @event, CancellationToken cancellationToken)
    {
        if (await repository.RecordEntryAsync(@event, time.GetUtcNow(), context.Transaction, cancellationToken))
        {
            context.OnCommitted(() => live.PublishAsync(@event.EventId, LiveHint.Analytics));
        }
    }
}
