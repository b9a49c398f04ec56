using System.Diagnostics;

using KtEvents.Messaging.Diagnostics;
using KtEvents.Messaging.Topology;

using RabbitMQ.Client.Events;

namespace KtEvents.Messaging.Consuming;

/// <summary>What the consumer reads from a delivery's properties and headers (never its body).</summary>
internal sealed record IncomingMessage(Guid? MessageId, string RoutingKey, int Attempt, string? TraceParent, string? TraceState)
{
    public ActivityContext ParentContext => TraceContext.Parse(TraceParent, TraceState);

    public static IncomingMessage Read(BasicDeliverEventArgs delivery)
    {
        var properties = delivery.BasicProperties;
        var headers = properties.Headers;
        return new IncomingMessage(
            Guid.TryParse(properties.MessageId, out var id) ? id : null,
            // A retried message comes back through the default exchange, routed by queue name; the
            // event's own routing key travels in the type property.
            string.IsNullOrEmpty(properties.Type) ? delivery.RoutingKey : properties.Type,
            Math.Max(1, MessageHeaders.GetInt32(headers, MessageHeaders.Attempt) ?? 1),
            MessageHeaders.GetString(headers, TraceContext.TraceParentHeader),
            MessageHeaders.GetString(headers, TraceContext.TraceStateHeader));
    }
}
