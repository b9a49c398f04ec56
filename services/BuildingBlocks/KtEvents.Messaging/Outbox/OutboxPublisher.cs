using System.Diagnostics;

using KtEvents.Messaging.Diagnostics;
using KtEvents.Messaging.Topology;

using RabbitMQ.Client;

namespace KtEvents.Messaging.Outbox;

/// <summary>Sends one outbox row to <c>kt.events</c> and waits for the broker's confirm.</summary>
internal static class OutboxPublisher
{
    public static async Task PublishAsync(
        IChannel channel, OutboxMessage message, string appId, TimeSpan confirmTimeout, CancellationToken cancellationToken)
    {
        using var activity = MessagingTelemetry.Source.StartActivity(
            $"publish {message.RoutingKey}", ActivityKind.Producer, TraceContext.Parse(message.TraceParent, message.TraceState));
        activity?.SetTag(MessagingTelemetry.SystemTag, "rabbitmq")
            .SetTag(MessagingTelemetry.OperationTypeTag, "send")
            .SetTag(MessagingTelemetry.DestinationTag, EventBusTopology.Exchange)
            .SetTag(MessagingTelemetry.RoutingKeyTag, message.RoutingKey)
            .SetTag(MessagingTelemetry.MessageIdTag, message.EventId.ToString());
        // With nobody listening there is no publish span; the stored context still links the consumer
        // to the request that caused the event.
        var (traceParent, traceState) = activity is null
            ? (message.TraceParent, message.TraceState)
            : TraceContext.Capture(activity);

        var headers = new Dictionary<string, object?>();
        if (traceParent is not null)
        {
            headers[TraceContext.TraceParentHeader] = traceParent;
        }
        if (!string.IsNullOrEmpty(traceState))
        {
            headers[TraceContext.TraceStateHeader] = traceState;
        }
        var properties = new BasicProperties
        {
            MessageId = message.EventId.ToString(),
            Type = message.RoutingKey,
            ContentType = "application/json",
            DeliveryMode = DeliveryModes.Persistent,
            Timestamp = new AmqpTimestamp(message.CreatedAt.ToUnixTimeSeconds()),
            AppId = appId,
            Headers = headers,
        };

        // A confirm that never comes (a half-dead connection) must not stall the outbox for good.
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(confirmTimeout);
        try
        {
            // Not mandatory: an event nobody subscribes to yet is legitimately dropped by the exchange.
            await channel.BasicPublishAsync(EventBusTopology.Exchange, message.RoutingKey, mandatory: false, properties, message.Body, timeout.Token);
        }
        catch (Exception ex)
        {
            activity?.SetStatus(ActivityStatusCode.Error, ex.GetType().Name);
            throw;
        }
        MessagingTelemetry.Published.Add(1, new KeyValuePair<string, object?>(MessagingTelemetry.RoutingKeyTag, message.RoutingKey));
    }
}
