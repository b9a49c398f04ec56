using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json;

using KtEvents.Contracts.IntegrationEvents;

using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace KtEvents.Event.Tests.Infrastructure;

/// <summary>
/// Every <typeparamref name="TEvent"/> the service publishes that reaches the broker, as a consumer
/// such as the Ai service receives it: a queue of the test's own bound to <c>kt.events</c> with the
/// event's routing key.
/// </summary>
public sealed class PublishedEventsListener<TEvent> : IAsyncDisposable
    where TEvent : IntegrationEvent
{
    private const string Exchange = "kt.events";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly ConcurrentQueue<TEvent> _received = new();
    private readonly IConnection _connection;
    private readonly IChannel _channel;
    private readonly Func<TEvent, Guid> _eventIdOf;

    private PublishedEventsListener(IConnection connection, IChannel channel, Func<TEvent, Guid> eventIdOf)
    {
        _connection = connection;
        _channel = channel;
        _eventIdOf = eventIdOf;
    }

    /// <param name="eventIdOf">The KtEvents event a message is about, which <see cref="For"/> selects by.</param>
    public static async Task<PublishedEventsListener<TEvent>> StartAsync(string connectionString, Func<TEvent, Guid> eventIdOf)
    {
        var routingKey = typeof(TEvent).GetCustomAttribute<RoutingKeyAttribute>()?.Value
            ?? throw new InvalidOperationException($"{typeof(TEvent).Name} has no routing key.");
        var connection = await new ConnectionFactory { Uri = new Uri(connectionString) }.CreateConnectionAsync();
        var channel = await connection.CreateChannelAsync();
        var listener = new PublishedEventsListener<TEvent>(connection, channel, eventIdOf);
        await channel.ExchangeDeclareAsync(Exchange, ExchangeType.Topic, durable: true, autoDelete: false);
        var queue = await channel.QueueDeclareAsync(queue: "", durable: false, exclusive: true, autoDelete: true);
        await channel.QueueBindAsync(queue.QueueName, Exchange, routingKey);
        var consumer = new AsyncEventingBasicConsumer(channel);
        consumer.ReceivedAsync += (_, delivery) =>
        {
            listener._received.Enqueue(JsonSerializer.Deserialize<TEvent>(delivery.Body.Span, Json)!);
            return Task.CompletedTask;
        };
        await channel.BasicConsumeAsync(queue.QueueName, autoAck: true, consumer);
        return listener;
    }

    /// <summary>The messages received so far about <paramref name="eventId"/>, in arrival order.</summary>
    public IReadOnlyList<TEvent> For(Guid eventId) => [.. _received.Where(e => _eventIdOf(e) == eventId)];

    public async ValueTask DisposeAsync()
    {
        await _channel.CloseAsync();
        await _channel.DisposeAsync();
        await _connection.CloseAsync();
        await _connection.DisposeAsync();
    }
}
