using System.Text;
using KtEvents.Testing.Servers;

namespace KtEvents.Testing;

/// <summary>
/// A throwaway <c>redis-server</c> on a free loopback port, without persistence. It can be stopped
/// and started again on the same port, which the client's reconnect tests rely on.
/// </summary>
public sealed class RedisServer : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);

    private ServerProcess? process;

    private RedisServer(string dataDirectory, int port)
    {
        DataDirectory = dataDirectory;
        Port = port;
    }

    public int Port { get; }

    /// <summary>The scratch folder holding the server's data and log (removed on dispose).</summary>
    public string DataDirectory { get; }

    /// <summary>In the form Aspire gives services (<c>ConnectionStrings__cache</c>).</summary>
    public string ConnectionString => $"127.0.0.1:{Port}";

    public static async Task<RedisServer> StartNewAsync(CancellationToken cancellationToken = default)
    {
        Binaries.Require("redis-server", "redis-server");
        var server = new RedisServer(ScratchDirectory.Create("redis"), FreePort.Next());
        await server.StartAsync(cancellationToken);
        return server;
    }

    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        if (process is not null)
        {
            throw new InvalidOperationException("The server is already running.");
        }
        process = ServerProcess.Start(new ServerStartInfo(
            Binaries.Require("redis-server", "redis-server"),
            ["--port", Port.ToString(), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
             "--dir", DataDirectory, "--daemonize", "no", "--protected-mode", "no"],
            DataDirectory,
            Path.Combine(DataDirectory, "redis.log")));
        var ping = Encoding.ASCII.GetBytes("PING\r\n");
        await TcpProbe.WaitAsync("redis-server", process, StartTimeout,
            async ct => Encoding.ASCII.GetString(await TcpProbe.ExchangeAsync(Port, ping, 7, ct)) == "+PONG\r\n",
            cancellationToken);
    }

    public async Task StopAsync()
    {
        if (process is { } running)
        {
            process = null;
            await running.StopAsync(TimeSpan.FromSeconds(5));
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        ScratchDirectory.Delete(DataDirectory);
    }
}
