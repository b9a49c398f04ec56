using System.Diagnostics;
using System.Text.Json;

using KtEvents.Contracts.IntegrationEvents;
using KtEvents.Messaging.Diagnostics;
using KtEvents.Messaging.EventBus;

using Microsoft.Extensions.Options;

using Npgsql;

using NpgsqlTypes;

namespace KtEvents.Messaging.Outbox;

internal sealed class PostgresIntegrationEventOutbox(IOptions<EventBusSubscriptionInfo> subscriptions) : IIntegrationEventOutbox
{
    public async Task AddAsync(IntegrationEvent @event, NpgsqlTransaction transaction, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(@event);
        ArgumentNullException.ThrowIfNull(transaction);
        var connection = transaction.Connection
            ?? throw new InvalidOperationException("The transaction is already committed or rolled back.");
        var eventType = @event.GetType();
        var routingKey = RoutingKeys.For(eventType);
        // The runtime type, not IntegrationEvent: a subscriber needs every property of the record.
        var body = JsonSerializer.Serialize(@event, eventType, subscriptions.Value.JsonSerializerOptions);

        // The trace context is taken now, inside the request that caused the event, and stored with it:
        // the relay may publish minutes later, with no request around, and still continue this trace.
        using var activity = MessagingTelemetry.Source.StartActivity($"create {routingKey}", ActivityKind.Producer);
        activity?.SetTag(MessagingTelemetry.SystemTag, "rabbitmq")
            .SetTag(MessagingTelemetry.OperationTypeTag, "create")
            .SetTag(MessagingTelemetry.DestinationTag, Topology.EventBusTopology.Exchange)
            .SetTag(MessagingTelemetry.RoutingKeyTag, routingKey)
            .SetTag(MessagingTelemetry.MessageIdTag, @event.Id.ToString());
        var (traceParent, traceState) = TraceContext.Capture(activity ?? Activity.Current);

        // NOTIFY is transactional: it is delivered when (and only if) the caller commits, which is
        // exactly when the relay can see the row.
        await using var command = new NpgsqlCommand(
            """
            INSERT INTO kt_outbox (event_id, routing_key, event_type, body, traceparent, tracestate, created_at)
            VALUES (@eventId, @routingKey, @eventType, @body, @traceParent, @traceState, @createdAt);
            SELECT pg_notify(@channel, '');
            """,
            connection,
            transaction);
        command.Parameters.AddWithValue("eventId", @event.Id);
        command.Parameters.AddWithValue("routingKey", routingKey);
        command.Parameters.AddWithValue("eventType", eventType.FullName ?? eventType.Name);
        command.Parameters.Add(new NpgsqlParameter("body", NpgsqlDbType.Jsonb) { Value = body });
        command.Parameters.Add(new NpgsqlParameter("traceParent", NpgsqlDbType.Text) { Value = (object?)traceParent ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter("traceState", NpgsqlDbType.Text) { Value = (object?)traceState ?? DBNull.Value });
        command.Parameters.AddWithValue("createdAt", @event.CreationDate.ToUniversalTime());
        command.Parameters.AddWithValue("channel", OutboxNotificationListener.Channel);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
