using System.Reflection;
using System.Text.Json;

using KtEvents.Contracts.IntegrationEvents;

using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

using Xunit;

namespace KtEvents.Testing;

/// <summary>
/// Puts integration events on the real broker exactly as another service's outbox relay does:
/// exchange <c>kt.events</c>, the event's routing key, message id = event id, type = routing key,
/// a System.Text.Json body with web defaults. Publishing the same event twice is a redelivery.
/// </summary>
public sealed class IntegrationEventPublisher : IAsyncDisposable
{
    private const string Exchange = "kt.events";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly IConnection connection;

    private IntegrationEventPublisher(IConnection connection) => this.connection = connection;

    public static async Task<IntegrationEventPublisher> ConnectAsync(string connectionString) =>
        new(await new ConnectionFactory { Uri = new Uri(connectionString) }.CreateConnectionAsync());

    public async Task PublishAsync(IntegrationEvent @event)
    {
        var routingKey = @event.GetType().GetCustomAttribute<RoutingKeyAttribute>()!.Value;
        var properties = new BasicProperties
        {
            MessageId = @event.Id.ToString(),
            Type = routingKey,
            ContentType = "application/json",
            DeliveryMode = DeliveryModes.Persistent,
        };
        await using var channel = await connection.CreateChannelAsync(
            new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true));
        await channel.BasicPublishAsync(Exchange, routingKey, mandatory: true, properties,
            JsonSerializer.SerializeToUtf8Bytes(@event, @event.GetType(), Json));
    }

    /// <summary>Waits until the service under test has declared its queue and consumes from it.</summary>
    public async Task WaitForConsumerAsync(string queue)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (await ConsumerCountAsync(queue) == 0)
        {
            if (deadline.IsCancellationRequested)
            {
                Assert.Fail($"No consumer attached to {queue} within 60 s.");
            }
            await Task.Delay(100, CancellationToken.None);
        }
    }

    private async Task<uint> ConsumerCountAsync(string queue)
    {
        await using var channel = await connection.CreateChannelAsync();
        try
        {
            return (await channel.QueueDeclarePassiveAsync(queue)).ConsumerCount;
        }
        catch (OperationInterruptedException ex) when (ex.ShutdownReason?.ReplyCode == 404)
        {
            return 0;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await connection.CloseAsync();
        await connection.DisposeAsync();
    }
}
