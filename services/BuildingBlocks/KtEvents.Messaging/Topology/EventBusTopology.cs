using RabbitMQ.Client;

namespace KtEvents.Messaging.Topology;

/// <summary>
/// The broker objects of ARCHITECTURE.md §5, all durable:
/// <code>
/// kt.events (topic) ──routing key──▶ kt-&lt;service&gt; ──handler fails──▶ kt-&lt;service&gt;.retry (per-message TTL)
///                                         ▲                                 │ expires: dead-letters back
///                                         └─────────────────────────────────┘
///                                    last attempt fails ──▶ kt.events.dlx (direct) ──▶ kt-&lt;service&gt;.dlq
/// </code>
/// The main queue also names the dead-letter exchange, so whatever the broker itself drops from it
/// (an operator's length-limit policy, a reject) lands in the DLQ instead of vanishing.
/// </summary>
public static class EventBusTopology
{
    public const string Exchange = "kt.events";

    public const string DeadLetterExchange = "kt.events.dlx";

    public static string RetryQueue(string queue) => $"{queue}.retry";

    public static string DeadLetterQueue(string queue) => $"{queue}.dlq";

    internal static Task DeclareExchangeAsync(IChannel channel, CancellationToken cancellationToken) =>
        channel.ExchangeDeclareAsync(Exchange, ExchangeType.Topic, durable: true, autoDelete: false, cancellationToken: cancellationToken);

    /// <summary>Idempotent: declaring what exists with the same arguments is a no-op on the broker.</summary>
    internal static async Task DeclareConsumerAsync(
        IChannel channel, string queue, IEnumerable<string> routingKeys, CancellationToken cancellationToken)
    {
        await DeclareExchangeAsync(channel, cancellationToken);
        await channel.ExchangeDeclareAsync(DeadLetterExchange, ExchangeType.Direct, durable: true, autoDelete: false, cancellationToken: cancellationToken);

        await channel.QueueDeclareAsync(DeadLetterQueue(queue), durable: true, exclusive: false, autoDelete: false,
            cancellationToken: cancellationToken);
        await channel.QueueBindAsync(DeadLetterQueue(queue), DeadLetterExchange, routingKey: queue, cancellationToken: cancellationToken);

        await channel.QueueDeclareAsync(RetryQueue(queue), durable: true, exclusive: false, autoDelete: false,
            arguments: new Dictionary<string, object?>
            {
                // The default exchange routes by queue name: an expired retry goes back to this
                // service's queue only, not to every service bound to its routing key.
                ["x-dead-letter-exchange"] = "",
                ["x-dead-letter-routing-key"] = queue,
            },
            cancellationToken: cancellationToken);

        await channel.QueueDeclareAsync(queue, durable: true, exclusive: false, autoDelete: false,
            arguments: new Dictionary<string, object?>
            {
                ["x-dead-letter-exchange"] = DeadLetterExchange,
                ["x-dead-letter-routing-key"] = queue,
            },
            cancellationToken: cancellationToken);
        foreach (var routingKey in routingKeys)
        {
            await channel.QueueBindAsync(queue, Exchange, routingKey, cancellationToken: cancellationToken);
        }
    }
}
