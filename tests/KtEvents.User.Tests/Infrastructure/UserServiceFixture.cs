using IDatabase = KtEvents.Caching.IDatabase;
using IConnectionMultiplexer = KtEvents.Caching.IConnectionMultiplexer;
using KtEvents.Contracts.Clients;
using KtEvents.Rpc;
using KtEvents.Testing;

using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

using Npgsql;

namespace KtEvents.User.Tests.Infrastructure;

/// <summary>
/// The User service on Kestrel over h2c with its own database on the shared Postgres, the shared Redis
/// and RabbitMQ, and the Sandbox's NTS API for business-number checks.
/// </summary>
public sealed class UserServiceFixture : IAsyncLifetime
{
    private WebApplicationFactory<Program>? factory;
    private Dictionary<string, string?> settings = [];
    private HttpClient? http;

    public UserClient Client { get; private set; } = null!;

    /// <summary>The service's address, for the JWKS.</summary>
    public Uri Address { get; private set; } = null!;

    public NtsSandbox Nts { get; private set; } = null!;

    /// <summary>The service's own database, for checking what it stored.</summary>
    public NpgsqlDataSource Database { get; private set; } = null!;

    public IDatabase Redis { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var postgres = await SharedServers.PostgresAsync();
        var redis = await SharedServers.RedisAsync();
        var rabbitMq = await SharedServers.RabbitMqAsync();
        var connectionString = await postgres.CreateDatabaseAsync($"user_{Guid.NewGuid():N}");
        Nts = await NtsSandbox.StartAsync();
        settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:userdb"] = connectionString,
            ["ConnectionStrings:cache"] = redis.ConnectionString,
            ["ConnectionStrings:messaging"] = rabbitMq.ConnectionString,
            ["Nts:BaseUrl"] = Nts.BaseUrl.ToString(),
            ["Nts:ServiceKey"] = NtsSandbox.ServiceKey,
        };

        factory = StartReplica(out var address);
        Address = address;
        http = CreateHttpClient();
        Client = new UserClient(H2c.CreateCallInvoker(http, Address));
        Database = NpgsqlDataSource.Create(connectionString);
        Redis = factory.Services.GetRequiredService<IConnectionMultiplexer>().GetDatabase();
    }

    /// <summary>An HTTP/2 (h2c) client, as services call each other and fetch the JWKS; based at the service.</summary>
    public HttpClient CreateHttpClient() => H2c.CreateHttpClient(Address);

    /// <summary>Another instance of the service on the same database, Redis and NTS, as a second replica.</summary>
    public WebApplicationFactory<Program> StartReplica(out Uri address)
    {
        var replica = new ServiceFactory<Program>(settings);
        address = replica.StartOnLoopback();
        return replica;
    }

    public async Task<long> CountAsync(string sql, params object[] parameters)
    {
        await using var command = Database.CreateCommand(sql);
        foreach (var parameter in parameters)
        {
            command.Parameters.AddWithValue(parameter);
        }

        return Convert.ToInt64(await command.ExecuteScalarAsync());
    }

    public static CallOptions WithToken(string accessToken) =>
        new(new Metadata { { "authorization", $"Bearer {accessToken}" } });

    public async Task DisposeAsync()
    {
        http?.Dispose();
        if (factory is not null)
        {
            await factory.DisposeAsync();
        }

        if (Database is not null)
        {
            await Database.DisposeAsync();
        }

        if (Nts is not null)
        {
            await Nts.DisposeAsync();
        }
    }
}
