using ConnectionMultiplexer = KtEvents.Caching.ConnectionMultiplexer;
using KtEvents.Contracts.Clients;
using KtEvents.Contracts.IntegrationEvents;
using KtEvents.Rpc;
using KtEvents.Testing;

using Npgsql;

namespace KtEvents.Analytics.Tests.Infrastructure;

/// <summary>
/// One Analytics service for the whole test run, on Kestrel over h2c, with its own database on the
/// shared Postgres, the shared Redis and RabbitMQ, and a test identity. One consumer handling one
/// message at a time, so that "handled" for a message means everything published before it is too.
/// </summary>
public sealed class AnalyticsServiceFixture : IAsyncLifetime
{
    public const string Queue = "kt-analytics";

    private ServiceFactory<Program>? factory;
    private HttpClient? http;
    private IntegrationEventPublisher? publisher;

    public AnalyticsClient Client { get; private set; } = null!;

    public TestIdentity Identity { get; private set; } = null!;

    public NpgsqlDataSource Database { get; private set; } = null!;

    /// <summary>A Redis connection of the test's own, for listening to live hints as the gateway does.</summary>
    public ConnectionMultiplexer Redis { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var postgres = await SharedServers.PostgresAsync();
        var redis = await SharedServers.RedisAsync();
        var rabbitMq = await SharedServers.RabbitMqAsync();
        var connectionString = await postgres.CreateDatabaseAsync($"analytics_{Guid.NewGuid():N}");
        Identity = await TestIdentity.StartAsync();
        var settings = new Dictionary<string, string?>(Identity.Configuration)
        {
            ["ConnectionStrings:analyticsdb"] = connectionString,
            ["ConnectionStrings:cache"] = redis.ConnectionString,
            ["ConnectionStrings:messaging"] = rabbitMq.ConnectionString,
            ["EventBus:ConsumerConcurrency"] = "1",
            ["EventBus:RetryDelay"] = "00:00:00.200",
            ["EventBus:MaxRetryDelay"] = "00:00:01",
        };

        factory = new ServiceFactory<Program>(settings);
        var address = factory.StartOnLoopback();
        http = H2c.CreateHttpClient();
        Client = new AnalyticsClient(H2c.CreateCallInvoker(http, address));
        Database = NpgsqlDataSource.Create(connectionString);
        Redis = await ConnectionMultiplexer.ConnectAsync(redis.ConnectionString);
        publisher = await IntegrationEventPublisher.ConnectAsync(rabbitMq.ConnectionString);
        await publisher.WaitForConsumerAsync(Queue);
    }

    /// <summary>Publishes each event onto the broker as its service would, then waits until the last is handled.</summary>
    public async Task DeliverAsync(params IntegrationEvent[] events)
    {
        foreach (var @event in events)
        {
            await publisher!.PublishAsync(@event);
        }
        await WaitUntilHandledAsync(events[^1].Id);
    }

    /// <summary>Publishes without waiting: for redeliveries, which the inbox takes without a trace.</summary>
    public Task PublishAsync(IntegrationEvent @event) => publisher!.PublishAsync(@event);

    /// <summary>Waits until the service's inbox records the message, i.e. its handling committed.</summary>
    public Task WaitUntilHandledAsync(Guid messageId) => Eventually.UntilHandledAsync(Database, Queue, messageId);

    public CallOptions AsOwner(Guid ownerId) =>
        new(new Metadata { { "authorization", $"Bearer {Identity.CreateAccessToken(ownerId)}" } });

    public async Task DisposeAsync()
    {
        if (publisher is not null)
        {
            await publisher.DisposeAsync();
        }
        if (Redis is not null)
        {
            await Redis.DisposeAsync();
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
