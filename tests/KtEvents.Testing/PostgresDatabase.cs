using Npgsql;
using Xunit;

namespace KtEvents.Testing;

/// <summary>
/// A class fixture (<c>IClassFixture&lt;PostgresDatabase&gt;</c>) that gives the test class a database
/// of its own on the shared PostgreSQL server, created when the class first runs.
/// </summary>
public sealed class PostgresDatabase : IAsyncLifetime
{
    private NpgsqlDataSource? dataSource;

    public PostgresServer Server { get; private set; } = null!;

    public string Name { get; } = $"kt_{Guid.NewGuid():N}";

    public string ConnectionString { get; private set; } = "";

    public NpgsqlDataSource DataSource => dataSource ?? throw new InvalidOperationException("The database is not created yet.");

    public async Task InitializeAsync()
    {
        Server = await SharedServers.PostgresAsync();
        ConnectionString = await Server.CreateDatabaseAsync(Name);
        dataSource = NpgsqlDataSource.Create(ConnectionString);
    }

    public async Task DisposeAsync()
    {
        if (dataSource is not null)
        {
            await dataSource.DisposeAsync();
        }
    }
}
