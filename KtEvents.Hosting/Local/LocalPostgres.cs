using KtEvents.Hosting.Processes;
using Npgsql;

namespace KtEvents.Hosting.Local;

/// <summary>
/// PostgreSQL run from Debian's binaries: <c>initdb</c> once into a data folder, then <c>postgres</c>
/// on a loopback port, as the <c>postgres</c> user when the caller is root. With a password the
/// server asks for it over TCP (scram-sha-256); without one it trusts loopback (tests only).
/// </summary>
public sealed class LocalPostgres(string rootDirectory, int port, string? password, LocalServerOptions options)
{
    public const string ServiceUser = "postgres";
    public const string SuperUser = "postgres";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private ServerProcess? process;

    public int Port { get; } = port;

    /// <summary>Holds <c>data/</c> (the cluster), the socket and the log.</summary>
    public string RootDirectory { get; } = rootDirectory;

    /// <summary>The server's process (group) id while it runs.</summary>
    public int? ProcessId => process?.ProcessGroupId;

    public bool IsRunning => process is { HasExited: false };

    public string RecentOutput => process?.RecentOutput ?? "";

    private string DataPath => Path.Combine(RootDirectory, "data");

    public string ConnectionStringFor(string database) =>
        new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1",
            Port = Port,
            Username = SuperUser,
            Password = password,
            Database = database,
        }.ConnectionString;

    /// <summary>Runs <c>initdb</c> unless the folder already holds a cluster (a persistent server's second run).</summary>
    public async Task InitializeAsync(CancellationToken cancellationToken = default)
    {
        var initdb = Binaries.PostgresTool("initdb");
        Binaries.RequireUser(ServiceUser, "postgresql");
        if (File.Exists(Path.Combine(DataPath, "PG_VERSION")))
        {
            return;
        }
        Directory.CreateDirectory(RootDirectory);
        await Commands.GiveToAsync(RootDirectory, ServiceUser, cancellationToken);
        List<string> args = ["-D", DataPath, "-U", SuperUser, "-E", "UTF8", "--no-locale"];
        var passwordFile = Path.Combine(RootDirectory, ".pwfile");
        if (password is null)
        {
            args.Add("--auth=trust");
        }
        else
        {
            await File.WriteAllTextAsync(passwordFile, password, cancellationToken);
            Commands.RestrictToOwner(passwordFile);
            await Commands.GiveToAsync(passwordFile, ServiceUser, cancellationToken);
            args.AddRange(["--auth-local=trust", "--auth-host=scram-sha-256", $"--pwfile={passwordFile}"]);
        }
        if (!options.Durable)
        {
            args.Add("--no-sync");
        }
        try
        {
            await Commands.RunAsync(initdb, args, ServiceUser, cancellationToken);
        }
        finally
        {
            File.Delete(passwordFile);
        }
    }

    /// <summary>Starts the server and returns once it accepts connections.</summary>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        if (IsRunning)
        {
            throw new InvalidOperationException("The server is already running.");
        }
        List<string> args =
        [
            "-D", DataPath, "-p", Port.ToString(), "-k", RootDirectory,
            "-c", "listen_addresses=127.0.0.1", "-c", "max_connections=300", "-c", "log_min_messages=warning",
        ];
        if (!options.Durable)
        {
            args.AddRange(["-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"]);
        }
        process = ServerProcess.Start(new ServerStartInfo(Binaries.PostgresTool("postgres"), args, RootDirectory)
        {
            LogPath = Path.Combine(RootDirectory, "postgres.log"),
            RunAsUser = ServiceUser,
            RemoveOnOrphan = options.RemoveOnOrphan,
            OnOutput = options.OnOutput,
        });
        await TcpProbe.WaitAsync("postgres", process, StartTimeout, IsServingAsync, cancellationToken);
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

    /// <summary>True when the server accepts a connection (the start-up wait and the AppHost's health probe).</summary>
    public async Task<bool> IsServingAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = new NpgsqlConnection(
                new NpgsqlConnectionStringBuilder(ConnectionStringFor("postgres")) { Pooling = false, Timeout = 2 }.ConnectionString);
            await connection.OpenAsync(cancellationToken);
            return true;
        }
        catch (NpgsqlException)
        {
            return false;
        }
    }
}
