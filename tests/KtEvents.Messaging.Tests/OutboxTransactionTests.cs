using KtEvents.Data.Migrations;
using KtEvents.Messaging.EventBus;
using KtEvents.Messaging.Migrations;
using KtEvents.Messaging.Outbox;
using KtEvents.Messaging.Tests.Events;
using KtEvents.Messaging.Tests.Handlers;
using KtEvents.Messaging.Tests.Infrastructure;
using KtEvents.Testing;

using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;

using Npgsql;

namespace KtEvents.Messaging.Tests;

/// <summary>The outbox row shares the fate of the transaction it was written in.</summary>
public sealed class OutboxTransactionTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_rolled_back_transaction_publishes_nothing()
    {
        var queue = $"kt-test-parcels-{Guid.NewGuid():N}";
        var broker = await SharedServers.RabbitMqAsync();
        await TestSchema.CreateAsync(database.DataSource);
        using var host = TestHost.Create(database.ConnectionString, broker.ConnectionString, queue,
            bus => bus.AddSubscription<ParcelShippedIntegrationEvent, RecordingHandler<ParcelShippedIntegrationEvent>>(),
            new Dictionary<string, string?> { ["EventBus:ConsumerConcurrency"] = "1" });
        await host.StartAsync();
        await using (var client = await BrokerClient.ConnectAsync(broker.ConnectionString))
        {
            await client.WaitForConsumerAsync(queue);
        }
        var outbox = host.Services.GetRequiredService<IIntegrationEventOutbox>();

        var rolledBack = new ParcelShippedIntegrationEvent(Guid.CreateVersion7());
        await using (var connection = await database.DataSource.OpenConnectionAsync())
        await using (var transaction = await connection.BeginTransactionAsync())
        {
            await InsertOrderAsync(connection, transaction, rolledBack.ParcelId);
            await outbox.AddAsync(rolledBack, transaction);
            await transaction.RollbackAsync();
        }
        // Committed after the rolled-back one: once it is handled, the relay has been past the other's turn.
        var committed = new ParcelShippedIntegrationEvent(Guid.CreateVersion7());
        await using (var connection = await database.DataSource.OpenConnectionAsync())
        await using (var transaction = await connection.BeginTransactionAsync())
        {
            await InsertOrderAsync(connection, transaction, committed.ParcelId);
            await outbox.AddAsync(committed, transaction);
            await transaction.CommitAsync();
        }

        var probe = host.Services.GetRequiredService<HandlerProbe>();
        await Eventually.UntilAsync("the committed event is handled", () => probe.For(committed.Id).Count == 1, Timeout);
        Assert.Empty(probe.For(rolledBack.Id));
        Assert.Equal(0, await CountAsync("SELECT count(*) FROM kt_outbox WHERE event_id = @id", rolledBack.Id));
        Assert.Equal(0, await CountAsync("SELECT count(*) FROM orders WHERE id = @id", rolledBack.ParcelId));
        Assert.Equal(0, await CountAsync("SELECT count(*) FROM handled_events WHERE event_id = @id", rolledBack.Id));
        Assert.Equal(1, await CountAsync("SELECT count(*) FROM kt_outbox WHERE event_id = @id AND published_at IS NOT NULL", committed.Id));
        await host.StopAsync();
    }

    [Fact]
    public async Task A_commit_wakes_the_relay_without_waiting_for_its_poll_interval()
    {
        var queue = $"kt-test-wake-{Guid.NewGuid():N}";
        var broker = await SharedServers.RabbitMqAsync();
        await TestSchema.CreateAsync(database.DataSource);
        // Polling alone would take an hour; only the commit's NOTIFY can bring the event in time.
        using var host = TestHost.Create(database.ConnectionString, broker.ConnectionString, queue,
            bus => bus.AddSubscription<ParcelShippedIntegrationEvent, RecordingHandler<ParcelShippedIntegrationEvent>>(),
            new Dictionary<string, string?> { ["EventBus:OutboxPollInterval"] = "01:00:00" });
        await host.StartAsync();
        await using (var client = await BrokerClient.ConnectAsync(broker.ConnectionString))
        {
            await client.WaitForConsumerAsync(queue);
        }

        var shipped = new ParcelShippedIntegrationEvent(Guid.CreateVersion7());
        await host.Services.GetRequiredService<IEventBus>().PublishAsync(shipped);

        var probe = host.Services.GetRequiredService<HandlerProbe>();
        await Eventually.UntilAsync("the event is handled", () => probe.For(shipped.Id).Count == 1, Timeout);
        await host.StopAsync();
    }

    [Fact]
    public async Task Published_outbox_rows_and_inbox_rows_past_their_retention_are_deleted_and_pending_rows_never_are()
    {
        var broker = await SharedServers.RabbitMqAsync();
        await new MigrationRunner(database.DataSource, NullLogger<MigrationRunner>.Instance).ApplyAsync(MessagingMigrations.Set);
        var (oldPublished, recentPublished, oldPending) = (Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7());
        var (oldHandled, recentHandled) = (Guid.CreateVersion7(), Guid.CreateVersion7());
        await using (var seed = database.DataSource.CreateCommand(
            """
            INSERT INTO kt_outbox (event_id, routing_key, event_type, body, created_at, published_at) VALUES
                (@oldPublished, 'test.retention-probed', 'Probe', '{}', now() - interval '30 days', now() - interval '30 days'),
                (@recentPublished, 'test.retention-probed', 'Probe', '{}', now() - interval '1 day', now() - interval '1 day'),
                (@oldPending, 'test.retention-probed', 'Probe', '{}', now() - interval '30 days', NULL);
            INSERT INTO kt_inbox (consumer, message_id, routing_key, handled_at) VALUES
                ('kt-test-retention', @oldHandled, 'test.retention-probed', now() - interval '30 days'),
                ('kt-test-retention', @recentHandled, 'test.retention-probed', now() - interval '1 day');
            """))
        {
            seed.Parameters.AddWithValue("oldPublished", oldPublished);
            seed.Parameters.AddWithValue("recentPublished", recentPublished);
            seed.Parameters.AddWithValue("oldPending", oldPending);
            seed.Parameters.AddWithValue("oldHandled", oldHandled);
            seed.Parameters.AddWithValue("recentHandled", recentHandled);
            await seed.ExecuteNonQueryAsync();
        }

        using var host = TestHost.Create(database.ConnectionString, broker.ConnectionString, "kt-test-retention", settings:
            new Dictionary<string, string?> { ["EventBus:OutboxRetention"] = "7.00:00:00", ["EventBus:InboxRetention"] = "14.00:00:00" });
        await host.StartAsync();

        await Eventually.UntilAsync("the expired rows are deleted",
            async () => await CountAsync("SELECT count(*) FROM kt_outbox WHERE event_id = @id", oldPublished) == 0
                && await CountAsync("SELECT count(*) FROM kt_inbox WHERE message_id = @id", oldHandled) == 0, Timeout);
        Assert.Equal(1, await CountAsync("SELECT count(*) FROM kt_outbox WHERE event_id = @id", recentPublished));
        Assert.Equal(1, await CountAsync("SELECT count(*) FROM kt_inbox WHERE message_id = @id", recentHandled));
        // Age alone never deletes an event: the old row that was still pending is kept (and published).
        Assert.Equal(1, await CountAsync("SELECT count(*) FROM kt_outbox WHERE event_id = @id", oldPending));
        await host.StopAsync();
    }

    private static async Task InsertOrderAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, Guid id)
    {
        await using var insert = new NpgsqlCommand("INSERT INTO orders (id, customer_name) VALUES (@id, 'parcel customer')", connection, transaction);
        insert.Parameters.AddWithValue("id", id);
        await insert.ExecuteNonQueryAsync();
    }

    private Task<long> CountAsync(string sql, Guid id) => TestSchema.ScalarAsync(database.DataSource, sql, ("id", id));
}
