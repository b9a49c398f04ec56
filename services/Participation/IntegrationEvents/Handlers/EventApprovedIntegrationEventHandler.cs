using KtEvents.Contracts.IntegrationEvents;
using KtEvents.Messaging.EventBus;
using KtEvents.Participation.Infrastructure;
using KtEvents.Participation.Model;

namespace KtEvents.Participation.IntegrationEvents.Handlers;

/// <summary>Opens an approved event's public page and entries, keeping the facts the page shows.</summary>
public sealed partial class EventApprovedIntegrationEventHandler(
    IntegrationEventContext context, ILogger<EventApprovedIntegrationEventHandler> logger)
    : IIntegrationEventHandler<EventApprovedIntegrationEvent>
{
    public async Task Handle(EventApprovedIntegrationEvent @event, CancellationToken cancellationToken)
    {
        var facts = new ParticipationEvent(
            @event.EventId,
            @event.OwnerId,
            @event.StoreName,
            @event.Title,
            @event.Prize,
            @event.ParticipationMethod,
            @event.ImageId,
            @event.StartsAt,
            @event.EndsAt,
            @event.EndsAt + ParticipationEvent.AnnouncementDelay);
        await ParticipationEventRepository.SaveApprovedAsync(
            facts, @event.PrizeQuantity, @event.CreationDate, context.Connection, context.Transaction, cancellationToken);
        LogOpened(logger, @event.EventId, @event.StartsAt, @event.EndsAt);
    }

    [LoggerMessage(LogLevel.Information, "Event {EventId} open for entries from {StartsAt} to {EndsAt}.")]
    private static partial void LogOpened(ILogger logger, Guid eventId, DateTimeOffset startsAt, DateTimeOffset endsAt);
}
