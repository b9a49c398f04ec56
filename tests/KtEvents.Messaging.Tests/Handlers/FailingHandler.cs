using KtEvents.Contracts.IntegrationEvents;
using KtEvents.Messaging.EventBus;

using Microsoft.Extensions.Options;

using Npgsql;

namespace KtEvents.Messaging.Tests.Handlers;

/// <summary>Writes its side effect, then throws: the write must roll back every time.</summary>
public sealed class FailingHandler<T>(IntegrationEventContext context, HandlerProbe probe, IOptions<EventBusOptions> options)
    : IIntegrationEventHandler<T>
    where T : IntegrationEvent
{
    public const string Failure = "the pill is poisoned";

    public async Task Handle(T @event, CancellationToken cancellationToken)
    {
        probe.Record(@event.Id, context.RoutingKey, context.Attempt);
        await using var command = new NpgsqlCommand(
            "INSERT INTO handled_events (consumer, event_id, attempt) VALUES (@consumer, @eventId, @attempt)",
            context.Connection,
            context.Transaction);
        command.Parameters.AddWithValue("consumer", options.Value.QueueName);
        command.Parameters.AddWithValue("eventId", @event.Id);
        command.Parameters.AddWithValue("attempt", context.Attempt);
        await command.ExecuteNonQueryAsync(cancellationToken);
        throw new InvalidOperationException(Failure);
    }
}
