using System.Globalization;

using KtEvents.Messaging.Diagnostics;
using KtEvents.Messaging.Topology;

using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace KtEvents.Messaging.Consuming;

/// <summary>
/// Moves a delivery that was not handled to the retry queue or the DLQ: publishes a copy (same
/// id, body and trace context, plus the x-kt-* headers), waits for the broker's confirm, and only
/// then acks the original. Mandatory publishes: if the target queue were gone the copy would bounce
/// and the original stay queued, rather than both vanish.
/// </summary>
internal static class FailedDeliveryForwarder
{
    private const int MaxReasonLength = 1000;

    public static async Task RetryAsync(
        IChannel channel, BasicDeliverEventArgs delivery, IncomingMessage message, string queue, string reason, Exception failure, TimeSpan delay)
    {
        var headers = TraceHeaders(message);
        headers[MessageHeaders.Attempt] = message.Attempt + 1;
        headers[MessageHeaders.FailureReason] = Truncate(reason);
        headers[MessageHeaders.FailureException] = failure.GetType().FullName;
        var properties = CopyProperties(delivery.BasicProperties, message, headers);
        // Per-message TTL: when it runs out, the retry queue dead-letters the copy back to the queue.
        // Expiry happens at the head of the retry queue, so a copy can come back later than its delay
        // (behind a longer one), never earlier.
        properties.Expiration = ((long)Math.Ceiling(delay.TotalMilliseconds)).ToString(CultureInfo.InvariantCulture);
        await channel.BasicPublishAsync("", EventBusTopology.RetryQueue(queue), mandatory: true, properties, delivery.Body, CancellationToken.None);
        await channel.BasicAckAsync(delivery.DeliveryTag, multiple: false, CancellationToken.None);
    }

    public static async Task DeadLetterAsync(
        IChannel channel, BasicDeliverEventArgs delivery, IncomingMessage message, string queue, string reason, Exception? failure)
    {
        var headers = TraceHeaders(message);
        headers[MessageHeaders.Attempt] = message.Attempt;
        headers[MessageHeaders.FailureReason] = Truncate(reason);
        if (failure is not null)
        {
            headers[MessageHeaders.FailureException] = failure.GetType().FullName;
        }
        headers[MessageHeaders.FailedAt] = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture);
        var properties = CopyProperties(delivery.BasicProperties, message, headers);
        await channel.BasicPublishAsync(EventBusTopology.DeadLetterExchange, queue, mandatory: true, properties, delivery.Body, CancellationToken.None);
        await channel.BasicAckAsync(delivery.DeliveryTag, multiple: false, CancellationToken.None);
    }

    public static string Truncate(string reason) => reason.Length > MaxReasonLength ? reason[..MaxReasonLength] : reason;

    private static BasicProperties CopyProperties(IReadOnlyBasicProperties original, IncomingMessage message, Dictionary<string, object?> headers) => new()
    {
        MessageId = original.MessageId,
        Type = message.RoutingKey,
        ContentType = original.ContentType,
        DeliveryMode = DeliveryModes.Persistent,
        Timestamp = original.Timestamp,
        AppId = original.AppId,
        Headers = headers,
    };

    /// <summary>Retries and dead letters stay in the trace of the original publish.</summary>
    private static Dictionary<string, object?> TraceHeaders(IncomingMessage message)
    {
        var headers = new Dictionary<string, object?>();
        if (message.TraceParent is not null)
        {
            headers[TraceContext.TraceParentHeader] = message.TraceParent;
        }
        if (!string.IsNullOrEmpty(message.TraceState))
        {
            headers[TraceContext.TraceStateHeader] = message.TraceState;
        }
        return headers;
    }
}
