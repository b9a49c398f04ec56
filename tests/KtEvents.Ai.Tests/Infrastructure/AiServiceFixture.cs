using KtEvents.Caching;
using KtEvents.Contracts.Clients;
using KtEvents.Contracts.IntegrationEvents;
using KtEvents.Rpc;
using KtEvents.Testing;

using Microsoft.Extensions.DependencyInjection;

using Npgsql;

namespace KtEvents.Ai.Tests.Infrastructure;

/// <summary>
/// The real Ai service on Kestrel (h2c), on a database of its own in the shared Postgres, the shared
/// Redis and RabbitMQ (its queue kt-ai; the Claude engine's services use a broker of their own), and a
/// test identity for owners' tokens. Shared by the tests of one collection.
/// </summary>
public sealed class AiServiceFixture : IAsyncLifetime
{
    public const string Queue = "kt-ai";

    private TestIdentity? identity;
    private IntegrationEventPublisher? publisher;
    private ServiceFactory<Program>? factory;
    private HttpClient? http;

    public string DatabaseConnectionString { get; private set; } = "";

    /// <summary>The service's own database, for checking what it stored.</summary>
    public NpgsqlDataSource Database { get; private set; } = null!;

    public AiClient Client { get; private set; } = null!;

    public TestIdentity Identity => identity!;

    public IServiceProvider Services => factory!.Services;

    public async Task InitializeAsync()
    {
        var postgres = await SharedServers.PostgresAsync();
        var redis = await SharedServers.RedisAsync();
        var rabbitMq = await SharedServers.RabbitMqAsync();
        identity = await TestIdentity.StartAsync();
        DatabaseConnectionString = await postgres.CreateDatabaseAsync($"ai_{Guid.NewGuid():N}");
        Database = NpgsqlDataSource.Create(DatabaseConnectionString);

        var settings = new Dictionary<string, string?>(identity.Configuration)
        {
            ["ConnectionStrings:aidb"] = DatabaseConnectionString,
            ["ConnectionStrings:cache"] = redis.ConnectionString,
            ["ConnectionStrings:messaging"] = rabbitMq.ConnectionString,
            ["EventBus:ConsumerConcurrency"] = "1",
            ["EventBus:RetryDelay"] = "00:00:00.200",
            ["EventBus:MaxRetryDelay"] = "00:00:01",
        };
        factory = new ServiceFactory<Program>(settings);
        var address = factory.StartOnLoopback();
        http = H2c.CreateHttpClient(address);
        Client = new AiClient(H2c.CreateCallInvoker(http, address));
        publisher = await IntegrationEventPublisher.ConnectAsync(rabbitMq.ConnectionString);
        await publisher.WaitForConsumerAsync(Queue);
    }

    /// <summary>Publishes the event onto the broker as its service would, and waits until it is handled.</summary>
    public async Task DeliverAsync(IntegrationEvent @event)
    {
        await publisher!.PublishAsync(@event);
        await WaitUntilHandledAsync(@event.Id);
    }

    /// <summary>Waits until the service's inbox records the message, i.e. its handling committed.</summary>
    public Task WaitUntilHandledAsync(Guid messageId) => Eventually.UntilHandledAsync(Database, Queue, messageId);

    /// <summary>Call options carrying a fresh owner's access token.</summary>
    public CallOptions AsOwner(Guid? ownerId = null) =>
        new(new Metadata { { "authorization", "Bearer " + Identity.CreateAccessToken(ownerId ?? Guid.CreateVersion7()) } });

    public async Task<long> ScalarAsync(string sql)
    {
        await using var command = Database.CreateCommand(sql);
        return Convert.ToInt64(await command.ExecuteScalarAsync());
    }

    /// <summary>The industry's data version in Redis, which the cache keys carry (0 before the first outcome).</summary>
    public async Task<long> DataVersionAsync(string industry) =>
        (long?)await Services.GetRequiredService<IConnectionMultiplexer>().GetDatabase().StringGetAsync($"ai:data-version:{industry}") ?? 0;

    /// <summary>The version goes up after the handler's commit, a moment after the inbox row shows.</summary>
    public Task WaitForDataVersionAboveAsync(string industry, long version) =>
        Eventually.UntilAsync($"the {industry} data version passes {version}", async () => await DataVersionAsync(industry) > version);

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
        if (identity is not null)
        {
            await identity.DisposeAsync();
        }
        if (Database is not null)
        {
            await Database.DisposeAsync();
        }
    }
}
