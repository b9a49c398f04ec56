using System.Security.Cryptography;
using System.Text;
using KtEvents.Testing.Servers;

namespace KtEvents.Testing;

/// <summary>
/// A throwaway RabbitMQ node, run from Debian's <c>rabbitmq-server</c> as the <c>rabbitmq</c> user
/// with its own epmd, node name, ports, cookie and data folder, so it never meets the machine's own
/// node. The node can be stopped and started again with its data (durable queues and persistent
/// messages survive), which the outbox tests rely on.
/// </summary>
public sealed class RabbitMqServer : IAsyncDisposable
{
    private const string ServiceUser = "rabbitmq";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);
    private static readonly byte[] ProtocolHeader = [(byte)'A', (byte)'M', (byte)'Q', (byte)'P', 0, 0, 9, 1];

    private readonly int distributionPort = FreePort.Next();
    private readonly int epmdPort = FreePort.Next();
    private ServerProcess? epmd;
    private ServerProcess? node;

    private RabbitMqServer(string dataDirectory, int port, string password)
    {
        DataDirectory = dataDirectory;
        Port = port;
        Password = password;
    }

    public int Port { get; }

    /// <summary>The scratch folder holding the server's data and log (removed on dispose).</summary>
    public string DataDirectory { get; }

    public string UserName => "kt";

    public string Password { get; }

    /// <summary>In the form Aspire gives services (<c>ConnectionStrings__messaging</c>).</summary>
    public string ConnectionString => $"amqp://{UserName}:{Password}@127.0.0.1:{Port}/";

    public static async Task<RabbitMqServer> StartNewAsync(CancellationToken cancellationToken = default)
    {
        RabbitScript();
        Binaries.Require("epmd", "erlang-base");
        Binaries.RequireUser(ServiceUser, "rabbitmq-server");
        var root = ScratchDirectory.Create("rabbitmq");
        var password = Convert.ToHexString(RandomNumberGenerator.GetBytes(12)).ToLowerInvariant();
        var server = new RabbitMqServer(root, FreePort.Next(), password);
        Directory.CreateDirectory(Path.Combine(root, "home"));
        Directory.CreateDirectory(Path.Combine(root, "mnesia"));
        Directory.CreateDirectory(Path.Combine(root, "log"));
        await File.WriteAllTextAsync(Path.Combine(root, "enabled_plugins"), "[].", cancellationToken);
        await File.WriteAllTextAsync(Path.Combine(root, "rabbitmq.conf"), $"""
            listeners.tcp.1 = 127.0.0.1:{server.Port}
            default_user = {server.UserName}
            default_pass = {password}
            loopback_users = none
            disk_free_limit.absolute = 50MB
            """, cancellationToken);
        await Commands.GiveToAsync(root, ServiceUser, cancellationToken);
        await server.StartAsync(cancellationToken);
        return server;
    }

    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        if (node is not null)
        {
            throw new InvalidOperationException("The node is already running.");
        }
        var environment = new Dictionary<string, string>
        {
            ["HOME"] = Path.Combine(DataDirectory, "home"),
            ["LANG"] = "C.UTF-8",
            ["ERL_EPMD_PORT"] = epmdPort.ToString(),
            ["ERL_EPMD_ADDRESS"] = "127.0.0.1",
            ["RABBITMQ_NODENAME"] = $"kt{Port}@localhost",
            ["RABBITMQ_NODE_IP_ADDRESS"] = "127.0.0.1",
            ["RABBITMQ_NODE_PORT"] = Port.ToString(),
            ["RABBITMQ_DIST_PORT"] = distributionPort.ToString(),
            ["RABBITMQ_MNESIA_BASE"] = Path.Combine(DataDirectory, "mnesia"),
            ["RABBITMQ_LOG_BASE"] = Path.Combine(DataDirectory, "log"),
            ["RABBITMQ_LOGS"] = "-",
            ["RABBITMQ_ENABLED_PLUGINS_FILE"] = Path.Combine(DataDirectory, "enabled_plugins"),
            ["RABBITMQ_CONFIG_FILE"] = Path.Combine(DataDirectory, "rabbitmq"),
            ["RABBITMQ_CONF_ENV_FILE"] = "/dev/null",
            ["RABBITMQ_PID_FILE"] = Path.Combine(DataDirectory, "rabbitmq.pid"),
        };
        // Our own epmd, in our own process group: the one rabbitmq-server would start by itself
        // daemonizes out of reach and outlives the test run.
        epmd = ServerProcess.Start(new ServerStartInfo(
            Binaries.Require("epmd", "erlang-base"), ["-port", epmdPort.ToString(), "-address", "127.0.0.1"],
            DataDirectory, Path.Combine(DataDirectory, "epmd.log"), ServiceUser, environment));
        // If the node found no epmd listening yet, erl would start a daemonized one of its own.
        await TcpProbe.WaitAsync("epmd", epmd, TimeSpan.FromSeconds(10),
            async ct => (await TcpProbe.ExchangeAsync(epmdPort, [], 0, ct)) is [], cancellationToken);
        node = ServerProcess.Start(new ServerStartInfo(
            RabbitScript(), [], DataDirectory, Path.Combine(DataDirectory, "rabbitmq.log"), ServiceUser, environment));
        await TcpProbe.WaitAsync("rabbitmq-server", node, StartTimeout,
            async ct => (await TcpProbe.ExchangeAsync(Port, ProtocolHeader, 1, ct)) is [1],
            cancellationToken);
    }

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

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        ScratchDirectory.Delete(DataDirectory);
    }

    private static string RabbitScript() =>
        Binaries.Require("rabbitmq-server", "rabbitmq-server", "/usr/lib/rabbitmq/bin/rabbitmq-server");
}
