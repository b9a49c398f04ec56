using KtEvents.Contracts.Clients;
using KtEvents.Rpc;
using KtEvents.Testing;

using Npgsql;

namespace KtEvents.Ai.Tests.Infrastructure;

/// <summary>
/// The real Ai service on Kestrel (h2c), on a database of its own in the shared Postgres, the shared
/// Redis, and a test identity for owners' tokens. Shared by the tests of one collection.
/// </summary>
public sealed class AiServiceFixture : IAsyncLifetime
{
    private TestIdentity? identity;
    private ServiceFactory<Program>? factory;
    private HttpClient? http;

    public string DatabaseConnectionString { get; private set; } = "";

    public AiClient Client { get; private set; } = null!;

    public TestIdentity Identity => identity!;

    public IServiceProvider Services => factory!.Services;

    public async Task InitializeAsync()
    {
        var postgres = await SharedServers.PostgresAsync();
        var redis = await SharedServers.RedisAsync();
        identity = await TestIdentity.StartAsync();
        DatabaseConnectionString = await postgres.CreateDatabaseAsync($"ai_{Guid.NewGuid():N}");

        var settings = new Dictionary<string, string?>(identity.Configuration)
        {
            ["ConnectionStrings:aidb"] = DatabaseConnectionString,
            ["ConnectionStrings:cache"] = redis.ConnectionString,
        };
        factory = new ServiceFactory<Program>(settings);
        var address = factory.StartOnLoopback();
        http = H2c.CreateHttpClient(address);
        Client = new AiClient(H2c.CreateCallInvoker(http, address));
    }

    /// <summary>Call options carrying a fresh owner's access token.</summary>
    public CallOptions AsOwner(Guid? ownerId = null) =>
        new(new Metadata { { "authorization", "Bearer " + Identity.CreateAccessToken(ownerId ?? Guid.CreateVersion7()) } });

    public async Task<long> ScalarAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(DatabaseConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync());
    }

    public async Task DisposeAsync()
    {
        http?.Dispose();
        if (factory is not null)
        {
            await factory.DisposeAsync();
        }
        if (identity is not null)
        {
            await identity.DisposeAsync();
        }
    }
}
