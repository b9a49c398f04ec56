using KtEvents.Hosting.Local;
using KtEvents.Hosting.Processes;
using KtEvents.Testing.Servers;

namespace KtEvents.Testing;

/// <summary>
/// A throwaway <c>redis-server</c> on a free loopback port, without persistence, started the way
/// the AppHost starts one (<see cref="LocalRedis"/>). It can be stopped and started again on the
/// same port, which the client's reconnect tests rely on.
/// </summary>
public sealed class RedisServer : IAsyncDisposable
{
    private readonly LocalRedis server;

    private RedisServer(LocalRedis server) => this.server = server;

    public int Port => server.Port;

    /// <summary>The scratch folder holding the server's data and log (removed on dispose).</summary>
    public string DataDirectory => server.DataDirectory;

    /// <summary>In the form Aspire gives services (<c>ConnectionStrings__cache</c>).</summary>
    public string ConnectionString => server.ConnectionString;

    public static async Task<RedisServer> StartNewAsync(CancellationToken cancellationToken = default)
    {
        Binaries.Require("redis-server", "redis-server");
        var root = ScratchDirectory.Create("redis");
        var server = new RedisServer(new LocalRedis(root, FreePort.Next(), password: null, new LocalServerOptions { RemoveOnOrphan = root }));
        await server.StartAsync(cancellationToken);
        return server;
    }

    public Task StartAsync(CancellationToken cancellationToken = default) => server.StartAsync(cancellationToken);

    public Task StopAsync() => server.StopAsync();

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        ScratchDirectory.Delete(DataDirectory);
    }
}
