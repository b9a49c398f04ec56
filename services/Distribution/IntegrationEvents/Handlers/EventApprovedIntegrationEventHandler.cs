using KtEvents.Contracts.Channels;
using KtEvents.Contracts.IntegrationEvents;
using KtEvents.Distribution.Infrastructure;
using KtEvents.Messaging.EventBus;

namespace KtEvents.Distribution.IntegrationEvents.Handlers;

/// <summary>
/// Records the run of an approved event and a pending row per channel, in the transaction of the
/// message's inbox row. It posts nothing itself: the <see cref="Worker.DistributionWorker"/> picks
/// the rows up, so a crash never loses a run and a redelivery (same message id: the inbox; the same
/// approval again: the run's key) changes nothing. Once the rows are committed, browsers watching the
/// event are told, so the six channels show 대기중 before the worker has claimed any of them.
/// </summary>
public sealed partial class EventApprovedIntegrationEventHandler(
    DistributionRepository repository,
    IntegrationEventContext context,
    LiveUpdates live,
    ILogger<EventApprovedIntegrationEventHandler> logger) : IIntegrationEventHandler<EventApprovedIntegrationEvent>
{
    public async Task Handle(EventApprovedIntegrationEvent @event, CancellationToken cancellationToken)
    {
        if (await repository.RecordRunAsync(@event, context.Connection, context.Transaction, cancellationToken))
        {
            LogRecorded(@event.EventId, @event.Channels.Count);
            context.OnCommitted(() => live.PublishAsync(@event.EventId, LiveHint.Distribution));
        }
        else
        {
            LogAlreadyRecorded(@event.EventId);
        }
    }

    [LoggerMessage(LogLevel.Information, "Recorded the distribution of event {EventId} to {ChannelCount} channels.")]
    private partial void LogRecorded(Guid eventId, int channelCount);

    [LoggerMessage(LogLevel.Information, "The distribution of event {EventId} was recorded before; nothing changes.")]
    private partial void LogAlreadyRecorded(Guid eventId);
}
