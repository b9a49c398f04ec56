using KtEvents.Hosting.Processes;

namespace KtEvents.Hosting.Local;

/// <summary>
/// A RabbitMQ node run from Debian's <c>rabbitmq-server</c> as the <c>rabbitmq</c> user, with its own
/// epmd, node name, ports, cookie and data folder, so it never meets the machine's own node. The
/// user and password are written to its config and take effect when the node first creates its
/// database; a persistent node keeps them (and its durable queues) from run to run.
/// </summary>
public sealed class LocalRabbitMq(string rootDirectory, int port, string userName, string password, LocalServerOptions options)
{
    public const string ServiceUser = "rabbitmq";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);
    private static readonly byte[] ProtocolHeader = [(byte)'A', (byte)'M', (byte)'Q', (byte)'P', 0, 0, 9, 1];

    private readonly int distributionPort = FreePort.Next();
    private readonly int epmdPort = FreePort.Next();
    private ServerProcess? epmd;
    private ServerProcess? node;

    public int Port { get; } = port;

    public string RootDirectory { get; } = rootDirectory;

    /// <summary>The server's process (group) id while it runs.</summary>
    public int? ProcessId => node?.ProcessGroupId;

    public bool IsRunning => node is { HasExited: false };

    /// <summary>In the form Aspire gives services (<c>ConnectionStrings__messaging</c>).</summary>
    public string ConnectionString => $"amqp://{Uri.EscapeDataString(userName)}:{Uri.EscapeDataString(password)}@127.0.0.1:{Port}/";

    /// <summary>Writes the node's config and folders (again each time: the port may have changed).</summary>
    public async Task InitializeAsync(CancellationToken cancellationToken = default)
    {
        RabbitScript();
        Binaries.Require("epmd", "erlang-base");
        Binaries.RequireUser(ServiceUser, "rabbitmq-server");
        foreach (var folder in new[] { "home", "mnesia", "log" })
        {
            Directory.CreateDirectory(Path.Combine(RootDirectory, folder));
        }
        await File.WriteAllTextAsync(Path.Combine(RootDirectory, "enabled_plugins"), "[].", cancellationToken);
        var config = Path.Combine(RootDirectory, "rabbitmq.conf");
        await File.WriteAllTextAsync(config, $"""
            listeners.tcp.1 = 127.0.0.1:{Port}
            default_user = {userName}
            default_pass = {password}
            loopback_users = none
            disk_free_limit.absolute = 50MB
            """, cancellationToken);
        Commands.RestrictToOwner(config);
        await Commands.GiveToAsync(RootDirectory, ServiceUser, cancellationToken);
    }

    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        if (IsRunning)
        {
            throw new InvalidOperationException("The node is already running.");
        }
        var environment = new Dictionary<string, string>
        {
            ["HOME"] = Path.Combine(RootDirectory, "home"),
            ["LANG"] = "C.UTF-8",
            ["ERL_EPMD_PORT"] = epmdPort.ToString(),
            ["ERL_EPMD_ADDRESS"] = "127.0.0.1",
            // A fixed name: the mnesia folder is named after it, so a persistent node finds its data again
            // whatever port it gets. Nodes never meet: each has its own epmd.
            ["RABBITMQ_NODENAME"] = "kt@localhost",
            ["RABBITMQ_NODE_IP_ADDRESS"] = "127.0.0.1",
            ["RABBITMQ_NODE_PORT"] = Port.ToString(),
            ["RABBITMQ_DIST_PORT"] = distributionPort.ToString(),
            ["RABBITMQ_MNESIA_BASE"] = Path.Combine(RootDirectory, "mnesia"),
            ["RABBITMQ_LOG_BASE"] = Path.Combine(RootDirectory, "log"),
            ["RABBITMQ_LOGS"] = "-",
            ["RABBITMQ_ENABLED_PLUGINS_FILE"] = Path.Combine(RootDirectory, "enabled_plugins"),
            ["RABBITMQ_CONFIG_FILE"] = Path.Combine(RootDirectory, "rabbitmq"),
            ["RABBITMQ_CONF_ENV_FILE"] = "/dev/null",
            ["RABBITMQ_PID_FILE"] = Path.Combine(RootDirectory, "rabbitmq.pid"),
        };
        // Our own epmd, in our own process group: the one rabbitmq-server would start by itself
        // daemonizes out of reach and outlives its owner.
        epmd = ServerProcess.Start(new ServerStartInfo(
            Binaries.Require("epmd", "erlang-base"), ["-port", epmdPort.ToString(), "-address", "127.0.0.1"], RootDirectory)
        {
            LogPath = Path.Combine(RootDirectory, "epmd.log"),
            RunAsUser = ServiceUser,
            Environment = environment,
        });
        // If the node found no epmd listening yet, erl would start a daemonized one of its own.
        await TcpProbe.WaitAsync("epmd", epmd, TimeSpan.FromSeconds(10),
            async ct => (await TcpProbe.ExchangeAsync(epmdPort, [], 0, ct)) is [], cancellationToken);
        node = ServerProcess.Start(new ServerStartInfo(RabbitScript(), [], RootDirectory)
        {
            LogPath = Path.Combine(RootDirectory, "rabbitmq.log"),
            RunAsUser = ServiceUser,
            Environment = environment,
            RemoveOnOrphan = options.RemoveOnOrphan,
            OnOutput = options.OnOutput,
        });
        await TcpProbe.WaitAsync("rabbitmq-server", node, StartTimeout, IsServingAsync, cancellationToken);
    }

    /// <summary>Connection.Start (frame type 1) in answer to the protocol header means the node serves AMQP.</summary>
    public async Task<bool> IsServingAsync(CancellationToken cancellationToken) =>
        await TcpProbe.ExchangeAsync(Port, ProtocolHeader, 1, cancellationToken) is [1];

    public async Task StopAsync()
    {
        if (node is { } running)
        {
            node = null;
            await running.StopAsync(TimeSpan.FromSeconds(20));
        }
        if (epmd is { } daemon)
        {
            epmd = null;
            await daemon.StopAsync(TimeSpan.FromSeconds(5));
        }
    }

    private static string RabbitScript() =>
        Binaries.Require("rabbitmq-server", "rabbitmq-server", "/usr/lib/rabbitmq/bin/rabbitmq-server");
}
