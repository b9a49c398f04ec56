using KtEvents.Messaging.EventBus;
using KtEvents.Messaging.Tests.Events;
using KtEvents.Messaging.Tests.Handlers;
using KtEvents.Messaging.Tests.Infrastructure;
using KtEvents.Messaging.Topology;
using KtEvents.Testing;

using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace KtEvents.Messaging.Tests;

/// <summary>What a consuming service leaves on the broker (ARCHITECTURE.md §5).</summary>
public sealed class TopologyTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    private const ushort PreconditionFailed = 406;

    [Fact]
    public async Task A_consuming_service_declares_a_durable_exchange_queue_retry_queue_dead_letter_exchange_and_DLQ()
    {
        var queue = $"kt-test-topology-{Guid.NewGuid():N}";
        var broker = await SharedServers.RabbitMqAsync();
        await TestSchema.CreateAsync(database.DataSource);
        using var host = TestHost.Create(database.ConnectionString, broker.ConnectionString, queue,
            bus => bus.AddSubscription<TopologyProbedIntegrationEvent, RecordingHandler<TopologyProbedIntegrationEvent>>());
        await host.StartAsync();
        await using var client = await BrokerClient.ConnectAsync(broker.ConnectionString);
        await client.WaitForConsumerAsync(queue);

        // They exist: passive declares succeed.
        await client.UseChannelAsync(async channel =>
        {
            await channel.ExchangeDeclarePassiveAsync(EventBusTopology.Exchange);
            await channel.ExchangeDeclarePassiveAsync(EventBusTopology.DeadLetterExchange);
            Assert.Equal(1u, (await channel.QueueDeclarePassiveAsync(queue)).ConsumerCount);
            await channel.QueueDeclarePassiveAsync(EventBusTopology.RetryQueue(queue));
            await channel.QueueDeclarePassiveAsync(EventBusTopology.DeadLetterQueue(queue));
        });

        // They are durable, with these types and arguments: the broker accepts a declare only if it
        // matches what exists exactly...
        await client.UseChannelAsync(async channel =>
        {
            await channel.ExchangeDeclareAsync(EventBusTopology.Exchange, ExchangeType.Topic, durable: true, autoDelete: false);
            await channel.ExchangeDeclareAsync(EventBusTopology.DeadLetterExchange, ExchangeType.Direct, durable: true, autoDelete: false);
            await channel.QueueDeclareAsync(queue, durable: true, exclusive: false, autoDelete: false, new Dictionary<string, object?>
            {
                ["x-dead-letter-exchange"] = EventBusTopology.DeadLetterExchange,
                ["x-dead-letter-routing-key"] = queue,
            });
            await channel.QueueDeclareAsync(EventBusTopology.RetryQueue(queue), durable: true, exclusive: false, autoDelete: false, new Dictionary<string, object?>
            {
                ["x-dead-letter-exchange"] = "",
                ["x-dead-letter-routing-key"] = queue,
            });
            await channel.QueueDeclareAsync(EventBusTopology.DeadLetterQueue(queue), durable: true, exclusive: false, autoDelete: false);
        });
        // ...and refuses a non-durable twin with PRECONDITION_FAILED.
        await AssertRefusedAsync(client, channel => channel.ExchangeDeclareAsync(EventBusTopology.Exchange, ExchangeType.Topic, durable: false, autoDelete: false));
        await AssertRefusedAsync(client, channel => channel.ExchangeDeclareAsync(EventBusTopology.DeadLetterExchange, ExchangeType.Direct, durable: false, autoDelete: false));
        await AssertRefusedAsync(client, channel => channel.QueueDeclareAsync(queue, durable: false, exclusive: false, autoDelete: false));
        await AssertRefusedAsync(client, channel => channel.QueueDeclareAsync(EventBusTopology.RetryQueue(queue), durable: false, exclusive: false, autoDelete: false));
        await AssertRefusedAsync(client, channel => channel.QueueDeclareAsync(EventBusTopology.DeadLetterQueue(queue), durable: false, exclusive: false, autoDelete: false));

        // The queue is bound to the subscribed routing key: an event published on kt.events arrives.
        var probe = new TopologyProbedIntegrationEvent();
        await host.Services.GetRequiredService<IEventBus>().PublishAsync(probe);
        var calls = host.Services.GetRequiredService<HandlerProbe>();
        await Eventually.UntilAsync("the probe is handled", () => calls.For(probe.Id).Count == 1, TimeSpan.FromSeconds(60));
        await host.StopAsync();
    }

    [Fact]
    public async Task A_service_without_subscriptions_declares_no_queue()
    {
        var queue = $"kt-test-publisher-only-{Guid.NewGuid():N}";
        var broker = await SharedServers.RabbitMqAsync();
        using var host = TestHost.Create(database.ConnectionString, broker.ConnectionString, queue);
        await host.StartAsync();
        await using var client = await BrokerClient.ConnectAsync(broker.ConnectionString);

        // Publishing through it reaches the broker (the relay declared the exchange) ...
        await host.Services.GetRequiredService<IEventBus>().PublishAsync(new TopologyProbedIntegrationEvent());
        await Eventually.UntilAsync("the outbox is drained", async () =>
            await TestSchema.ScalarAsync(database.DataSource, "SELECT count(*) FROM kt_outbox WHERE published_at IS NULL") == 0, TimeSpan.FromSeconds(60));
        await client.UseChannelAsync(channel => channel.ExchangeDeclarePassiveAsync(EventBusTopology.Exchange));
        // ... but it owns no queue.
        Assert.Null(await client.TryPassiveDeclareQueueAsync(queue));
        await host.StopAsync();
    }

    private static async Task AssertRefusedAsync(BrokerClient client, Func<IChannel, Task> declare)
    {
        var refused = await Assert.ThrowsAnyAsync<OperationInterruptedException>(() => client.UseChannelAsync(declare));
        Assert.Equal(PreconditionFailed, refused.ShutdownReason?.ReplyCode ?? 0);
    }
}
