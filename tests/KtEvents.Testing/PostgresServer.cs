using KtEvents.Testing.Servers;
using Npgsql;

namespace KtEvents.Testing;

/// <summary>
/// A throwaway PostgreSQL server: <c>initdb</c> into a scratch folder, then <c>postgres</c> on a free
/// loopback port, run as the <c>postgres</c> user when the tests run as root. Durability is traded
/// for speed (fsync off); nothing here outlives the test run.
/// </summary>
public sealed class PostgresServer : IAsyncDisposable
{
    private const string ServiceUser = "postgres";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private ServerProcess? process;

    private PostgresServer(string dataDirectory, int port)
    {
        DataDirectory = dataDirectory;
        Port = port;
    }

    public int Port { get; }

    /// <summary>The scratch folder holding the server's data and log (removed on dispose).</summary>
    public string DataDirectory { get; }

    public string AdminConnectionString => ConnectionStringFor("postgres");

    public static async Task<PostgresServer> StartNewAsync(CancellationToken cancellationToken = default)
    {
        var initdb = Binaries.PostgresTool("initdb");
        Binaries.RequireUser(ServiceUser, "postgresql");
        var root = ScratchDirectory.Create("postgres");
        await Commands.GiveToAsync(root, ServiceUser, cancellationToken);
        var server = new PostgresServer(root, FreePort.Next());
        await Commands.RunAsync(initdb, ["-D", server.DataPath, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-locale", "--no-sync"], ServiceUser, cancellationToken);
        await server.StartAsync(cancellationToken);
        return server;
    }

    private string DataPath => Path.Combine(DataDirectory, "data");

    public string ConnectionStringFor(string database) =>
        new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1",
            Port = Port,
            Username = "postgres",
            Database = database,
            // Short-lived test databases are dropped with the server; don't let pools hold them.
            MaxPoolSize = 50,
        }.ConnectionString;

    /// <summary>Creates an empty database and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(string name, CancellationToken cancellationToken = default)
    {
        if (!name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_') || name.Length is 0 or > 63)
        {
            throw new ArgumentException("Database names are 1–63 ASCII letters, digits or underscores.", nameof(name));
        }
        await using var connection = new NpgsqlConnection(AdminConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
        return ConnectionStringFor(name);
    }

    /// <summary>Starts the server on its port and data (again, after <see cref="StopAsync"/>).</summary>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        if (process is not null)
        {
            throw new InvalidOperationException("The server is already running.");
        }
        process = ServerProcess.Start(new ServerStartInfo(
            Binaries.PostgresTool("postgres"),
            ["-D", DataPath, "-p", Port.ToString(), "-k", DataDirectory,
             "-c", "listen_addresses=127.0.0.1", "-c", "fsync=off", "-c", "synchronous_commit=off",
             "-c", "full_page_writes=off", "-c", "max_connections=300", "-c", "log_min_messages=warning"],
            DataDirectory,
            Path.Combine(DataDirectory, "postgres.log"),
            ServiceUser));
        await WaitUntilReadyAsync(cancellationToken);
    }

    public async Task StopAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (process is { } running)
        {
            process = null;
            await running.StopAsync(TimeSpan.FromSeconds(10));
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        ScratchDirectory.Delete(DataDirectory);
    }

    private async Task WaitUntilReadyAsync(CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(StartTimeout);
        var connectionString = new NpgsqlConnectionStringBuilder(AdminConnectionString) { Pooling = false, Timeout = 2 }.ConnectionString;
        while (true)
        {
            if (process!.HasExited)
            {
                throw new InfrastructureUnavailableException($"postgres exited while starting:\n{process.RecentOutput}");
            }
            try
            {
                await using var connection = new NpgsqlConnection(connectionString);
                await connection.OpenAsync(timeout.Token);
                return;
            }
            catch (Exception ex) when (ex is NpgsqlException or System.Net.Sockets.SocketException && !timeout.IsCancellationRequested)
            {
                await Task.Delay(100, timeout.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new InfrastructureUnavailableException($"postgres did not accept connections within {StartTimeout.TotalSeconds} s:\n{process.RecentOutput}");
            }
        }
    }
}
