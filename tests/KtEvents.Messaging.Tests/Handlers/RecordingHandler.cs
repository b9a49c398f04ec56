using KtEvents.Contracts.IntegrationEvents;
using KtEvents.Messaging.EventBus;

using Microsoft.Extensions.Options;

using Npgsql;

namespace KtEvents.Messaging.Tests.Handlers;

/// <summary>
/// The side effect whose count proves exactly-once handling: a row in <c>handled_events</c>, written
/// in the transaction the consumer commits together with the inbox row.
/// </summary>
public sealed class RecordingHandler<T>(IntegrationEventContext context, HandlerProbe probe, IOptions<EventBusOptions> options)
    : IIntegrationEventHandler<T>
    where T : IntegrationEvent
{
    public async Task Handle(T @event, CancellationToken cancellationToken)
    {
        probe.Record(@event.Id, context.RoutingKey, context.Attempt);
        if (probe.Delay > TimeSpan.Zero)
        {
            await Task.Delay(probe.Delay, cancellationToken);
        }
        await using var command = new NpgsqlCommand(
            "INSERT INTO handled_events (consumer, event_id, attempt) VALUES (@consumer, @eventId, @attempt)",
            context.Connection,
            context.Transaction);
        command.Parameters.AddWithValue("consumer", options.Value.QueueName);
        command.Parameters.AddWithValue("eventId", @event.Id);
        command.Parameters.AddWithValue("attempt", context.Attempt);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
