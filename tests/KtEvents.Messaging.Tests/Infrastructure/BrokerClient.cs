using KtEvents.Testing;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace KtEvents.Messaging.Tests.Infrastructure;

/// <summary>
/// A plain RabbitMQ connection for looking at the broker from outside the event bus: passive
/// declares, reading a queue, publishing a message by hand. Each call uses a fresh channel,
/// because a failed declare closes its channel.
/// </summary>
internal sealed class BrokerClient : IAsyncDisposable
{
    private readonly IConnection connection;

    private BrokerClient(IConnection connection) => this.connection = connection;

    public static async Task<BrokerClient> ConnectAsync(string connectionString) =>
        new(await new ConnectionFactory { Uri = new Uri(connectionString), AutomaticRecoveryEnabled = false }.CreateConnectionAsync());

    public async Task<QueueDeclareOk?> TryPassiveDeclareQueueAsync(string queue)
    {
        await using var channel = await connection.CreateChannelAsync();
        try
        {
            return await channel.QueueDeclarePassiveAsync(queue);
        }
        catch (OperationInterruptedException ex) when (ex.ShutdownReason?.ReplyCode == 404)
        {
            return null;
        }
    }

    /// <summary>Waits until the event bus consumer has declared its queue and attached to it.</summary>
    public Task WaitForConsumerAsync(string queue) =>
        Eventually.UntilAsync($"a consumer is attached to {queue}",
            async () => (await TryPassiveDeclareQueueAsync(queue))?.ConsumerCount > 0, TimeSpan.FromSeconds(60));

    public async Task<uint> MessageCountAsync(string queue) =>
        (await TryPassiveDeclareQueueAsync(queue))?.MessageCount ?? throw new InvalidOperationException($"Queue {queue} does not exist.");

    /// <summary>Runs <paramref name="action"/> on a channel of its own; the broker's refusal surfaces as the exception.</summary>
    public async Task UseChannelAsync(Func<IChannel, Task> action)
    {
        await using var channel = await connection.CreateChannelAsync(
            new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true));
        await action(channel);
    }

    public async Task<BasicGetResult?> GetAsync(string queue)
    {
        await using var channel = await connection.CreateChannelAsync();
        return await channel.BasicGetAsync(queue, autoAck: true);
    }

    public async Task PublishAsync(string exchange, string routingKey, BasicProperties properties, byte[] body)
    {
        await using var channel = await connection.CreateChannelAsync(
            new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true));
        await channel.BasicPublishAsync(exchange, routingKey, mandatory: true, properties, body);
    }

    public async ValueTask DisposeAsync()
    {
        await connection.CloseAsync();
        await connection.DisposeAsync();
    }
}
