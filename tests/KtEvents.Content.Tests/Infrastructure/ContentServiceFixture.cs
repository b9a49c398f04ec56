using KtEvents.Contracts.Clients;
using KtEvents.Rpc;
using KtEvents.Testing;

using Npgsql;

namespace KtEvents.Content.Tests.Infrastructure;

/// <summary>The Content service on Kestrel over h2c with its own database, the shared RabbitMQ and a test identity.</summary>
public sealed class ContentServiceFixture : IAsyncLifetime
{
    private ServiceFactory<Program>? factory;
    private HttpClient? http;

    public ContentClient Client { get; private set; } = null!;

    public TestIdentity Identity { get; private set; } = null!;

    public NpgsqlDataSource Database { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var postgres = await SharedServers.PostgresAsync();
        var rabbitMq = await SharedServers.RabbitMqAsync();
        var connectionString = await postgres.CreateDatabaseAsync($"content_{Guid.NewGuid():N}");
        Identity = await TestIdentity.StartAsync();
        var settings = new Dictionary<string, string?>(Identity.Configuration)
        {
            ["ConnectionStrings:contentdb"] = connectionString,
            ["ConnectionStrings:messaging"] = rabbitMq.ConnectionString,
        };

        factory = new ServiceFactory<Program>(settings);
        var address = factory.StartOnLoopback();
        http = H2c.CreateHttpClient();
        Client = new ContentClient(H2c.CreateCallInvoker(http, address));
        Database = NpgsqlDataSource.Create(connectionString);
    }

    public CallOptions As(Guid ownerId) =>
        new(new Metadata { { "authorization", $"Bearer {Identity.CreateAccessToken(ownerId)}" } });

    public async Task<long> CountAsync(string sql, params object[] parameters)
    {
        await using var command = Database.CreateCommand(sql);
        foreach (var parameter in parameters)
        {
            command.Parameters.AddWithValue(parameter);
        }

        return Convert.ToInt64(await command.ExecuteScalarAsync());
    }

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

        if (Identity is not null)
        {
            await Identity.DisposeAsync();
        }
    }
}
