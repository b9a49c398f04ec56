using KtEvents.Analytics.Infrastructure;
using KtEvents.Contracts.Channels;
using KtEvents.Contracts.IntegrationEvents;
using KtEvents.Messaging.EventBus;

namespace KtEvents.Analytics.IntegrationEvents.Handlers;

/// <summary>Keeps each channel's latest exposure total (a running total, so the newest measurement wins).</summary>
public sealed class ExposureReportedIntegrationEventHandler(
    AnalyticsRepository repository, IntegrationEventContext context, LiveUpdates live, TimeProvider time)
    : IIntegrationEventHandler<ExposureReportedIntegrationEvent>
{
    public async Task Handle(ExposureReportedIntegrationEvent @event, CancellationToken cancellationToken)
    {
        if (await repository.RecordExposureAsync(@event, time.GetUtcNow(), context.Transaction, cancellationToken))
        {
            context.OnCommitted(() => live.PublishAsync(@event.EventId, LiveHint.Analytics));
        }
    }
}
