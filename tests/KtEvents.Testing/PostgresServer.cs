using KtEvents.Hosting.Local;
using KtEvents.Hosting.Processes;
using KtEvents.Testing.Servers;
using Npgsql;

namespace KtEvents.Testing;

/// <summary>
/// A throwaway PostgreSQL server in a scratch folder on a free loopback port, started the way the
/// AppHost starts one (<see cref="LocalPostgres"/>), trusting loopback and without fsync: nothing
/// here outlives the test run.
/// </summary>
public sealed class PostgresServer : IAsyncDisposable
{
    private readonly LocalPostgres server;

    private PostgresServer(LocalPostgres server) => this.server = server;

    public int Port => server.Port;

    /// <summary>The scratch folder holding the server's data and log (removed on dispose).</summary>
    public string DataDirectory => server.RootDirectory;

    public string AdminConnectionString => ConnectionStringFor("postgres");

    public static async Task<PostgresServer> StartNewAsync(CancellationToken cancellationToken = default)
    {
        var root = ScratchDirectory.Create("postgres");
        var server = new PostgresServer(new LocalPostgres(root, FreePort.Next(), password: null, new LocalServerOptions { RemoveOnOrphan = root }));
        await server.server.InitializeAsync(cancellationToken);
        await server.StartAsync(cancellationToken);
        return server;
    }

    public string ConnectionStringFor(string database) =>
        // Short-lived test databases are dropped with the server; don't let pools hold them.
        new NpgsqlConnectionStringBuilder(server.ConnectionStringFor(database)) { MaxPoolSize = 50 }.ConnectionString;

    /// <summary>Creates an empty database and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(string name, CancellationToken cancellationToken = default)
    {
        PostgresDatabases.Check(name);
        await using var connection = new NpgsqlConnection(AdminConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
        return ConnectionStringFor(name);
    }

    /// <summary>Starts the server on its port and data (again, after <see cref="StopAsync"/>).</summary>
    public Task StartAsync(CancellationToken cancellationToken = default) => server.StartAsync(cancellationToken);

    public Task StopAsync() => server.StopAsync();

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        ScratchDirectory.Delete(DataDirectory);
    }
}
