using System.Security.Cryptography;
using KtEvents.Hosting.Local;
using KtEvents.Hosting.Processes;
using KtEvents.Testing.Servers;

namespace KtEvents.Testing;

/// <summary>
/// A throwaway RabbitMQ node in a scratch folder, started the way the AppHost starts one
/// (<see cref="LocalRabbitMq"/>). The node can be stopped and started again with its data (durable
/// queues and persistent messages survive), which the outbox tests rely on.
/// </summary>
public sealed class RabbitMqServer : IAsyncDisposable
{
    private readonly LocalRabbitMq server;

    private RabbitMqServer(LocalRabbitMq server, string password)
    {
        this.server = server;
        Password = password;
    }

    public int Port => server.Port;

    /// <summary>The scratch folder holding the server's data and log (removed on dispose).</summary>
    public string DataDirectory => server.RootDirectory;

    public string UserName => "kt";

    public string Password { get; }

    /// <summary>In the form Aspire gives services (<c>ConnectionStrings__messaging</c>).</summary>
    public string ConnectionString => server.ConnectionString;

    public static async Task<RabbitMqServer> StartNewAsync(CancellationToken cancellationToken = default)
    {
        var root = ScratchDirectory.Create("rabbitmq");
        var password = Convert.ToHexString(RandomNumberGenerator.GetBytes(12)).ToLowerInvariant();
        var server = new RabbitMqServer(new LocalRabbitMq(root, FreePort.Next(), "kt", password, new LocalServerOptions { RemoveOnOrphan = root }), password);
        await server.server.InitializeAsync(cancellationToken);
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
