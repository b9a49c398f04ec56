using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace KtEvents.Messaging.Diagnostics;

/// <summary>
/// The ActivitySource and Meter of the event bus, both named "KtEvents.Messaging" (ServiceDefaults
/// listens to "KtEvents.*"). Spans: <c>create</c> when an event enters the outbox, <c>publish</c>
/// when the relay sends it, <c>process</c> when a consumer handles it; all three share the trace of
/// the request that caused the event. Counters are tagged with the queue or routing key, never
/// with anything from a message body.
/// </summary>
public static class MessagingTelemetry
{
    public const string SourceName = "KtEvents.Messaging";

    public const string PublishedCounter = "kt.messaging.outbox.published";
    public const string HandledCounter = "kt.messaging.consumer.handled";
    public const string DuplicateCounter = "kt.messaging.consumer.duplicates";
    public const string RetriedCounter = "kt.messaging.consumer.retried";
    public const string DeadLetteredCounter = "kt.messaging.consumer.dead_lettered";

    // OpenTelemetry messaging semantic conventions.
    public const string SystemTag = "messaging.system";
    public const string DestinationTag = "messaging.destination.name";
    public const string RoutingKeyTag = "messaging.rabbitmq.destination.routing_key";
    public const string MessageIdTag = "messaging.message.id";
    public const string OperationTypeTag = "messaging.operation.type";
    public const string ConsumerGroupTag = "messaging.consumer.group.name";

    internal static readonly ActivitySource Source = new(SourceName);

    internal static readonly Meter Meter = new(SourceName);

    internal static readonly Counter<long> Published = Meter.CreateCounter<long>(
        PublishedCounter, "{message}", "Outbox events published to RabbitMQ and confirmed by the broker.");

    internal static readonly Counter<long> Handled = Meter.CreateCounter<long>(
        HandledCounter, "{message}", "Messages whose handlers ran and committed.");

    internal static readonly Counter<long> Duplicates = Meter.CreateCounter<long>(
        DuplicateCounter, "{message}", "Redelivered messages the inbox recognised and acknowledged without handling.");

    internal static readonly Counter<long> Retried = Meter.CreateCounter<long>(
        RetriedCounter, "{message}", "Failed messages sent to the retry queue for another attempt.");

    internal static readonly Counter<long> DeadLettered = Meter.CreateCounter<long>(
        DeadLetteredCounter, "{message}", "Messages moved to the dead-letter queue.");
}
