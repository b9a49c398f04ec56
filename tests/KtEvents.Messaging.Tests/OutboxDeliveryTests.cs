using KtEvents.Messaging.Diagnostics;
using KtEvents.Messaging.EventBus;
using KtEvents.Messaging.Outbox;
using KtEvents.Messaging.Tests.Events;
using KtEvents.Messaging.Tests.Handlers;
using KtEvents.Messaging.Tests.Infrastructure;
using KtEvents.Messaging.Topology;
using KtEvents.Testing;

using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

using Npgsql;

using RabbitMQ.Client;

namespace KtEvents.Messaging.Tests;

/// <summary>
/// The outbox's promise end to end, across two services with their own databases and a RabbitMQ node
/// that goes away: nothing committed is lost, nothing is handled twice.
/// </summary>
public sealed class OutboxDeliveryTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    private static readonly TimeSpan DeliveryTimeout = TimeSpan.FromSeconds(120);

    [Fact]
    public async Task Events_committed_while_RabbitMQ_is_down_are_all_delivered_once_it_is_back_and_each_is_handled_exactly_once()
    {
        const int EventCount = 500;
        const int DuplicateCount = 25;
        const string Publisher = "kt-test-shop";
        const string Consumer = "kt-test-orders";
        await using var broker = await RabbitMqServer.StartNewAsync();
        await using var consumerData = await CreateConsumerDatabaseAsync();
        await TestSchema.CreateAsync(database.DataSource);
        using var duplicates = new CounterProbe(MessagingTelemetry.DuplicateCounter, Consumer);

        using var consumerHost = TestHost.Create(consumerData.ConnectionString, broker.ConnectionString, Consumer,
            bus => bus.AddSubscription<OrderPlacedIntegrationEvent, RecordingHandler<OrderPlacedIntegrationEvent>>());
        using var publisherHost = TestHost.Create(database.ConnectionString, broker.ConnectionString, Publisher);
        await consumerHost.StartAsync();
        await publisherHost.StartAsync();
        await using (var client = await BrokerClient.ConnectAsync(broker.ConnectionString))
        {
            await client.WaitForConsumerAsync(Consumer);
        }
        var outbox = publisherHost.Services.GetRequiredService<IIntegrationEventOutbox>();

        await broker.StopAsync();
        var placed = new List<OrderPlacedIntegrationEvent>();
        for (var i = 0; i < EventCount; i++)
        {
            placed.Add(await PlaceOrderAsync(outbox, $"customer {i}"));
        }
        Assert.Equal(EventCount, await PendingAsync(placed));

        await broker.StartAsync();
        await Eventually.UntilAsync($"all {EventCount} orders are handled",
            async () => await HandledDistinctAsync(consumerData.DataSource, Consumer) == EventCount, DeliveryTimeout,
            describe: async () => $"{await HandledDistinctAsync(consumerData.DataSource, Consumer)} handled, {await PendingAsync(placed)} still in the outbox");

        // Redeliveries: the same messages again, as a relay that crashed before stamping its rows would send them.
        await using (var client = await BrokerClient.ConnectAsync(broker.ConnectionString))
        {
            foreach (var order in placed.Take(DuplicateCount))
            {
                await client.PublishAsync(EventBusTopology.Exchange, "test.order-placed", new BasicProperties
                {
                    MessageId = order.Id.ToString(),
                    Type = "test.order-placed",
                    ContentType = "application/json",
                    DeliveryMode = DeliveryModes.Persistent,
                }, await OutboxBodyAsync(order.Id));
            }
        }
        await Eventually.UntilAsync($"{DuplicateCount} duplicates are recognised",
            () => duplicates.Total >= DuplicateCount, DeliveryTimeout, describe: () => $"{duplicates.Total} recognised");

        Assert.Equal(EventCount, await TestSchema.ScalarAsync(consumerData.DataSource,
            "SELECT count(*) FROM handled_events WHERE consumer = @consumer", ("consumer", Consumer)));
        Assert.Equal(EventCount, await HandledDistinctAsync(consumerData.DataSource, Consumer));
        Assert.Equal(placed.Select(order => order.Id).Order(), await HandledIdsAsync(consumerData.DataSource, Consumer));
        Assert.Equal(EventCount, await TestSchema.ScalarAsync(consumerData.DataSource,
            "SELECT count(*) FROM kt_inbox WHERE consumer = @consumer", ("consumer", Consumer)));
        Assert.Equal(0, await PendingAsync(placed));
        await publisherHost.StopAsync();
        await consumerHost.StopAsync();
    }

    [Fact]
    public async Task A_RabbitMQ_restart_in_the_middle_of_consuming_loses_nothing_and_handles_nothing_twice()
    {
        const int EventCount = 300;
        const string Consumer = "kt-test-orders-restart";
        await using var broker = await RabbitMqServer.StartNewAsync();
        await using var consumerData = await CreateConsumerDatabaseAsync();
        await TestSchema.CreateAsync(database.DataSource);
        // Few messages at a time, each handler slowed down: the restart finds messages in flight, handled
        // but not yet acknowledged, which the broker then delivers again.
        using var consumerHost = TestHost.Create(consumerData.ConnectionString, broker.ConnectionString, Consumer,
            bus => bus.AddSubscription<OrderPlacedIntegrationEvent, RecordingHandler<OrderPlacedIntegrationEvent>>(),
            new Dictionary<string, string?> { ["EventBus:ConsumerConcurrency"] = "2", ["EventBus:PrefetchCount"] = "10" });
        using var publisherHost = TestHost.Create(database.ConnectionString, broker.ConnectionString, "kt-test-shop-restart");
        consumerHost.Services.GetRequiredService<HandlerProbe>().Delay = TimeSpan.FromMilliseconds(20);
        await consumerHost.StartAsync();
        await publisherHost.StartAsync();
        await using (var client = await BrokerClient.ConnectAsync(broker.ConnectionString))
        {
            await client.WaitForConsumerAsync(Consumer);
        }
        var outbox = publisherHost.Services.GetRequiredService<IIntegrationEventOutbox>();
        var placed = new List<OrderPlacedIntegrationEvent>();
        for (var i = 0; i < EventCount; i++)
        {
            placed.Add(await PlaceOrderAsync(outbox, $"customer {i}"));
        }
        await Eventually.UntilAsync("some orders are handled",
            async () => await HandledDistinctAsync(consumerData.DataSource, Consumer) > 0, DeliveryTimeout);

        await broker.StopAsync();
        await broker.StartAsync();

        await Eventually.UntilAsync($"all {EventCount} orders are handled",
            async () => await HandledDistinctAsync(consumerData.DataSource, Consumer) == EventCount, DeliveryTimeout,
            describe: async () => $"{await HandledDistinctAsync(consumerData.DataSource, Consumer)} handled, {await PendingAsync(placed)} still in the outbox");
        Assert.Equal(EventCount, await TestSchema.ScalarAsync(consumerData.DataSource,
            "SELECT count(*) FROM handled_events WHERE consumer = @consumer", ("consumer", Consumer)));
        Assert.Equal(placed.Select(order => order.Id).Order(), await HandledIdsAsync(consumerData.DataSource, Consumer));
        await publisherHost.StopAsync();
        await consumerHost.StopAsync();
    }

    [Fact]
    public async Task Two_relays_on_one_outbox_publish_every_event_exactly_once()
    {
        const int EventCount = 200;
        var broker = await SharedServers.RabbitMqAsync();
        var rawQueue = $"kt-test-replicas-{Guid.NewGuid():N}";
        await using var client = await BrokerClient.ConnectAsync(broker.ConnectionString);
        await client.UseChannelAsync(async channel =>
        {
            await channel.ExchangeDeclareAsync(EventBusTopology.Exchange, ExchangeType.Topic, durable: true);
            await channel.QueueDeclareAsync(rawQueue, durable: false, exclusive: false, autoDelete: false);
            await channel.QueueBindAsync(rawQueue, EventBusTopology.Exchange, "test.replica-probed");
        });
        using var first = TestHost.Create(database.ConnectionString, broker.ConnectionString, "kt-test-replica");
        using var second = TestHost.Create(database.ConnectionString, broker.ConnectionString, "kt-test-replica");
        await first.StartAsync();
        await second.StartAsync();

        var ids = new List<Guid>();
        var eventBus = first.Services.GetRequiredService<IEventBus>();
        for (var i = 0; i < EventCount; i++)
        {
            var probe = new ReplicaProbedIntegrationEvent(i);
            await eventBus.PublishAsync(probe);
            ids.Add(probe.Id);
        }
        await Eventually.UntilAsync("the outbox is drained", async () => await PendingAsync(ids) == 0, DeliveryTimeout);

        // Rows are stamped only after the broker confirmed them, so everything ever sent is queued by now.
        Assert.Equal((uint)EventCount, await client.MessageCountAsync(rawQueue));
        await client.UseChannelAsync(channel => channel.QueueDeleteAsync(rawQueue));
        await first.StopAsync();
        await second.StopAsync();
    }

    private async Task<OrderPlacedIntegrationEvent> PlaceOrderAsync(IIntegrationEventOutbox outbox, string customerName)
    {
        var order = new OrderPlacedIntegrationEvent(Guid.CreateVersion7(), customerName);
        await using var connection = await database.DataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using (var insert = new NpgsqlCommand("INSERT INTO orders (id, customer_name) VALUES (@id, @name)", connection, transaction))
        {
            insert.Parameters.AddWithValue("id", order.OrderId);
            insert.Parameters.AddWithValue("name", customerName);
            await insert.ExecuteNonQueryAsync();
        }
        await outbox.AddAsync(order, transaction);
        await transaction.CommitAsync();
        return order;
    }

    private Task<long> PendingAsync(IEnumerable<OrderPlacedIntegrationEvent> events) => PendingAsync(events.Select(e => e.Id));

    private Task<long> PendingAsync(IEnumerable<Guid> ids) =>
        TestSchema.ScalarAsync(database.DataSource,
            "SELECT count(*) FROM kt_outbox WHERE published_at IS NULL AND event_id = ANY(@ids)", ("ids", ids.ToArray()));

    private async Task<byte[]> OutboxBodyAsync(Guid eventId)
    {
        await using var command = database.DataSource.CreateCommand("SELECT body::text FROM kt_outbox WHERE event_id = @id");
        command.Parameters.AddWithValue("id", eventId);
        return System.Text.Encoding.UTF8.GetBytes((string)(await command.ExecuteScalarAsync())!);
    }

    private async Task<ConsumerDatabase> CreateConsumerDatabaseAsync()
    {
        var connectionString = await database.Server.CreateDatabaseAsync($"kt_consumer_{Guid.NewGuid():N}");
        var consumer = new ConsumerDatabase(connectionString, NpgsqlDataSource.Create(connectionString));
        await TestSchema.CreateAsync(consumer.DataSource);
        return consumer;
    }

    private static Task<long> HandledDistinctAsync(NpgsqlDataSource dataSource, string consumer) =>
        TestSchema.ScalarAsync(dataSource, "SELECT count(DISTINCT event_id) FROM handled_events WHERE consumer = @consumer", ("consumer", consumer));

    private static async Task<List<Guid>> HandledIdsAsync(NpgsqlDataSource dataSource, string consumer)
    {
        await using var command = dataSource.CreateCommand("SELECT DISTINCT event_id FROM handled_events WHERE consumer = @consumer");
        command.Parameters.AddWithValue("consumer", consumer);
        await using var reader = await command.ExecuteReaderAsync();
        var ids = new List<Guid>();
        while (await reader.ReadAsync())
        {
            ids.Add(reader.GetGuid(0));
        }
        return [.. ids.Order()];
    }
}
