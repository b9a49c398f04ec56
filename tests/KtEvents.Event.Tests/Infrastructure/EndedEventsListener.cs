using System.Collections.Concurrent;
using System.Text.Json;

using KtEvents.Contracts.IntegrationEvents;

using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace KtEvents.Event.Tests.Infrastructure;

/// <summary>
/// Every EventEnded that reaches the broker, as a consumer such as the Ai service receives it: a
/// queue of the test's own bound to <c>kt.events</c> with the event's routing key.
/// </summary>
public sealed class EndedEventsListener : IAsyncDisposable
{
    private const string Exchange = "kt.events";
    private const string RoutingKey = "event.event-ended";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly ConcurrentQueue<EventEndedIntegrationEvent> _received = new();
    private readonly IConnection _connection;
    private readonly IChannel _channel;

    private EndedEventsListener(IConnection connection, IChannel channel)
    {
        _connection = connection;
        _channel = channel;
    }

    public static async Task<EndedEventsListener> StartAsync(string connectionString)
    {
        var connection = await new ConnectionFactory { Uri = new Uri(connectionString) }.CreateConnectionAsync();
        var channel = await connection.CreateChannelAsync();
        var listener = new EndedEventsListener(connection, channel);
        await channel.ExchangeDeclareAsync(Exchange, ExchangeType.Topic, durable: true, autoDelete: false);
        var queue = await channel.QueueDeclareAsync(queue: "", durable: false, exclusive: true, autoDelete: true);
        await channel.QueueBindAsync(queue.QueueName, Exchange, RoutingKey);
        var consumer = new AsyncEventingBasicConsumer(channel);
        consumer.ReceivedAsync += (_, delivery) =>
        {
            listener._received.Enqueue(JsonSerializer.Deserialize<EventEndedIntegrationEvent>(delivery.Body.Span, Json)!);
            return Task.CompletedTask;
        };
        await channel.BasicConsumeAsync(queue.QueueName, autoAck: true, consumer);
        return listener;
    }

    /// <summary>The EventEnded messages received so far for <paramref name="eventId"/>.</summary>
    public IReadOnlyList<EventEndedIntegrationEvent> For(Guid eventId) => [.. _received.Where(e => e.EventId == eventId)];

    public async ValueTask DisposeAsync()
    {
        await _channel.CloseAsync();
        await _channel.DisposeAsync();
        await _connection.CloseAsync();
        await _connection.DisposeAsync();
    }
}
