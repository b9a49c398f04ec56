using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

using RabbitMQ.Client;

namespace KtEvents.Messaging.Connection;

/// <summary>
/// The process's one RabbitMQ connection, opened on first use rather than at startup: a service must
/// start (and keep writing its outbox) while the broker is away. A failed attempt throws and the next
/// call tries again; callers back off. Once open, the client's automatic recovery keeps it open; only
/// a connection that application code closed (which the client never recovers) is replaced.
/// </summary>
public sealed partial class RabbitMQConnectionProvider(
    IOptions<RabbitMQClientOptions> options,
    IHostEnvironment environment,
    ILogger<RabbitMQConnectionProvider> logger) : IAsyncDisposable
{
    private readonly SemaphoreSlim gate = new(1, 1);
    private IConnection? connection;

    public async Task<IConnection> GetConnectionAsync(CancellationToken cancellationToken = default)
    {
        if (Volatile.Read(ref connection) is { } open && !IsClosedForGood(open))
        {
            return open;
        }
        await gate.WaitAsync(cancellationToken);
        try
        {
            if (connection is not null)
            {
                if (!IsClosedForGood(connection))
                {
                    return connection;
                }
                await connection.DisposeAsync();
                connection = null;
            }
            var factory = CreateFactory(options.Value, environment.ApplicationName);
            try
            {
                var created = await factory.CreateConnectionAsync(cancellationToken);
                LogConnected(logger, factory.HostName, factory.Port, factory.VirtualHost);
                Volatile.Write(ref connection, created);
                return created;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogUnreachable(logger, factory.HostName, factory.Port, ex.Message);
                throw;
            }
        }
        finally
        {
            gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref connection, null) is { } open)
        {
            try
            {
                await open.CloseAsync(TimeSpan.FromSeconds(5));
            }
            catch (ObjectDisposedException)
            {
                // The container disposes the IConnection it resolved through us, possibly first.
            }
            await open.DisposeAsync();
        }
        gate.Dispose();
    }

    private static bool IsClosedForGood(IConnection candidate) =>
        !candidate.IsOpen && candidate.CloseReason?.Initiator == ShutdownInitiator.Application;

    internal static ConnectionFactory CreateFactory(RabbitMQClientOptions settings, string clientName) => new()
    {
        Uri = new Uri(settings.ConnectionString!),
        AutomaticRecoveryEnabled = true,
        // The event bus declares its topology and starts its consumer on every channel it opens, and
        // opens a new one whenever its channel closes. If the client also re-created the consumers it
        // recorded, a recovered connection would carry each consumer twice.
        TopologyRecoveryEnabled = false,
        NetworkRecoveryInterval = settings.NetworkRecoveryInterval,
        RequestedConnectionTimeout = settings.ConnectTimeout,
        ClientProvidedName = clientName,
    };

    [LoggerMessage(LogLevel.Information, "Connected to RabbitMQ at {Host}:{Port}, virtual host {VirtualHost}")]
    private static partial void LogConnected(ILogger logger, string host, int port, string virtualHost);

    [LoggerMessage(LogLevel.Warning, "RabbitMQ at {Host}:{Port} is unreachable: {Reason}")]
    private static partial void LogUnreachable(ILogger logger, string host, int port, string reason);
}
