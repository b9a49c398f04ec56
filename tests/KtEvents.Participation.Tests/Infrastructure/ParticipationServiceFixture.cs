using KtEvents.Contracts.Clients;
using KtEvents.Contracts.IntegrationEvents;
using KtEvents.Testing;

using Npgsql;

namespace KtEvents.Participation.Tests.Infrastructure;

/// <summary>
/// One Participation service for the whole test run, on Kestrel over h2c, with its own database on
/// the shared Postgres, the shared RabbitMQ and a test identity. One instance only: two services on
/// the kt-participation queue would share its messages.
/// </summary>
public sealed class ParticipationServiceFixture : IAsyncLifetime
{
    public const string Queue = "kt-participation";

    private ServiceFactory<Program>? factory;
    private HttpClient? http;
    private IntegrationEventPublisher? publisher;

    public ParticipationClient Client { get; private set; } = null!;

    public TestIdentity Identity { get; private set; } = null!;

    /// <summary>The service's own database, for checking what it stored.</summary>
    public NpgsqlDataSource Database { get; private set; } = null!;

    internal IntegrationEventPublisher Events => publisher!;

    public async Task InitializeAsync()
    {
        var postgres = await SharedServers.PostgresAsync();
        var rabbitMq = await SharedServers.RabbitMqAsync();
        var connectionString = await postgres.CreateDatabaseAsync($"participation_{Guid.NewGuid():N}");
        Identity = await TestIdentity.StartAsync();
        var settings = new Dictionary<string, string?>(Identity.Configuration)
        {
            ["ConnectionStrings:participationdb"] = connectionString,
            ["ConnectionStrings:messaging"] = rabbitMq.ConnectionString,
            ["EventBus:RetryDelay"] = "00:00:00.200",
            ["EventBus:MaxRetryDelay"] = "00:00:01",
        };

        factory = new ServiceFactory<Program>(settings);
        var address = factory.StartOnLoopback();
        http = H2c.CreateHttpClient();
        Client = new ParticipationClient(H2c.CreateCallInvoker(http, address));
        Database = NpgsqlDataSource.Create(connectionString);
        publisher = await IntegrationEventPublisher.ConnectAsync(rabbitMq.ConnectionString);
        await publisher.WaitForConsumerAsync(Queue);
    }

    /// <summary>Approves an event the way the Event service does, and waits until entries can see it.</summary>
    public async Task<EventApprovedIntegrationEvent> ApproveEventAsync(
        Guid? ownerId = null, DateTimeOffset? startsAt = null, DateTimeOffset? endsAt = null)
    {
        var approved = TestEvents.Approved(ownerId ?? Guid.CreateVersion7(), startsAt, endsAt);
        await Events.PublishAsync(approved);
        await WaitUntilStoredAsync(approved.EventId);
        return approved;
    }

    public Task WaitUntilStoredAsync(Guid eventId) =>
        Eventually.UntilAsync($"event {eventId} is stored", async () =>
        {
            await using var command = Database.CreateCommand("SELECT 1 FROM entry_counters WHERE event_id = $1");
            command.Parameters.AddWithValue(eventId);
            return await command.ExecuteScalarAsync();
        });

    /// <summary>Waits until the service's inbox records the message, i.e. its handling committed.</summary>
    public Task WaitUntilHandledAsync(Guid messageId) => Eventually.UntilHandledAsync(Database, Queue, messageId);

    public async Task DisposeAsync()
    {
        if (publisher is not null)
        {
            await publisher.DisposeAsync();
        }
        http?.Dispose();
        if (factory is not null)
        {
            await factory.DisposeAsync();
        }
        if (Database is not null)
        {
            await Database.DisposeAsync();
        }
        if (Identity is not null)
        {
            await Identity.DisposeAsync();
        }
    }
}
