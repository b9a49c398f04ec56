// KtEvents.Caching — a small Redis client and the caching helpers built on it.
//
// Why: StackExchange.Redis and Aspire.StackExchange.Redis cannot be restored from this workplace's
// package mirror (ARCHITECTURE.md §3). This building block speaks RESP2 itself and keeps their public
// names, so that swapping the real libraries in later means changing `using KtEvents.Caching;` to
// `using StackExchange.Redis;` and the package references, not the services' code.
//
// Use:
//   builder.AddRedisClient("cache");              // reads ConnectionStrings:cache ("host:port,password=…")
//   builder.Services.AddJsonCache();              // IJsonCache: JSON values with TTLs and single-flight
//   var db = multiplexer.GetDatabase();           // IConnectionMultiplexer is a singleton
//   await db.StringSetAsync("k", "v", TimeSpan.FromMinutes(5), When.NotExists);
//   await multiplexer.GetSubscriber().SubscribeAsync(RedisChannel.Literal("events"), (channel, message) => …);
//
// How it works:
// - One multiplexed TCP connection per multiplexer. Every caller's command is encoded into a shared
//   outgoing buffer and queued for its reply under one lock; one write loop sends whatever has
//   accumulated, so concurrent commands pipeline; one read loop matches replies to commands in order.
// - A second, dedicated connection in RESP2 subscribe mode carries pub/sub; it opens on the first
//   subscription.
// - When a connection breaks, its in-flight commands fail at once with RedisConnectionException; a
//   background loop reconnects with backoff (50 ms doubling to 1 s), re-authenticates and re-subscribes.
//   Commands issued while disconnected fail immediately; every command has a timeout (asyncTimeout,
//   5 s by default) after which it fails with RedisTimeoutException. No call can hang.
// - Each command is a client span on the "KtEvents.Caching" ActivitySource with the operation name
//   only (db.system=redis, db.operation=GET): keys and values are never recorded or logged.
// - AddRedisClient adds a "cache" health check (PING, tagged "ready") and validates the connection
//   string when the host starts.
//
// Not implemented: TLS, several endpoints (replicas, cluster, sentinel), RESP3, transactions
// (MULTI/EXEC) and more than one database per multiplexer.

using System.Net;

using KtEvents.Caching.Connections;

using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace KtEvents.Caching;

/// <summary>
/// The client: one endpoint, one shared pipelined connection for commands and one for subscriptions,
/// both reconnecting by themselves. Create one per process (AddRedisClient registers it as a
/// singleton) and share it; it is thread-safe.
/// </summary>
public sealed class ConnectionMultiplexer : IConnectionMultiplexer
{
    private readonly ManagedConnection interactive;
    private readonly RedisDatabase database;
    private readonly RedisServerNode server;
    private readonly RedisSubscriber subscriber;

    private ConnectionMultiplexer(ConfigurationOptions options)
    {
        options.Validate();
        Options = options;
        EndPoint = options.EndPoints[0];
        EndpointName = ConfigurationOptions.Format(EndPoint);
        (ServerAddress, ServerPort) = EndPoint switch
        {
            DnsEndPoint dns => (dns.Host, dns.Port),
            IPEndPoint ip => (ip.Address.ToString(), ip.Port),
            _ => (EndpointName, 0),
        };
        DatabaseIndex = options.DefaultDatabase ?? 0;
        Logger = options.LoggerFactory?.CreateLogger<ConnectionMultiplexer>() ?? NullLogger<ConnectionMultiplexer>.Instance;
        interactive = new ManagedConnection(this, ConnectionType.Interactive);
        database = new RedisDatabase(this, interactive);
        server = new RedisServerNode(this, interactive);
        subscriber = new RedisSubscriber(this, interactive);
    }

    public event EventHandler<ConnectionFailedEventArgs>? ConnectionFailed;

    public event EventHandler<ConnectionFailedEventArgs>? ConnectionRestored;

    public string Configuration => Options.ToString();

    public string? ClientName => Options.ClientName;

    public bool IsConnected => interactive.IsConnected;

    public int TimeoutMilliseconds => Options.AsyncTimeout;

    internal ConfigurationOptions Options { get; }

    internal EndPoint EndPoint { get; }

    internal string EndpointName { get; }

    internal string ServerAddress { get; }

    internal int ServerPort { get; }

    internal int DatabaseIndex { get; }

    internal ILogger Logger { get; }

    internal bool TracingEnabled => Options.TracingEnabled;

    public static ConnectionMultiplexer Connect(string configuration) => Connect(ConfigurationOptions.Parse(configuration));

    /// <summary>Blocking form of <see cref="ConnectAsync(ConfigurationOptions)"/>, for DI factories.</summary>
    public static ConnectionMultiplexer Connect(ConfigurationOptions configuration) =>
        ConnectAsync(configuration).GetAwaiter().GetResult();

    public static Task<ConnectionMultiplexer> ConnectAsync(string configuration) => ConnectAsync(ConfigurationOptions.Parse(configuration));

    /// <summary>
    /// Connects (waiting at most <c>connectTimeout</c>). When that fails, throws
    /// <see cref="RedisConnectionException"/> if <c>abortConnect</c> is true (the default), or returns a
    /// multiplexer that keeps connecting in the background if it is false.
    /// </summary>
    public static async Task<ConnectionMultiplexer> ConnectAsync(ConfigurationOptions configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var multiplexer = new ConnectionMultiplexer(configuration.Clone());
        Exception? error;
        try
        {
            error = await multiplexer.interactive.StartAsync().WaitAsync(TimeSpan.FromMilliseconds(configuration.ConnectTimeout));
        }
        catch (TimeoutException)
        {
            error = new RedisConnectionException(ConnectionFailureType.UnableToConnect, $"Connecting timed out after {configuration.ConnectTimeout} ms.");
        }
        if (error is not null && configuration.AbortOnConnectFail)
        {
            await multiplexer.DisposeAsync();
            throw new RedisConnectionException(
                (error as RedisConnectionException)?.FailureType ?? ConnectionFailureType.UnableToConnect,
                $"It was not possible to connect to Redis at {multiplexer.EndpointName}: {error.Message}", error);
        }
        return multiplexer;
    }

    public IDatabase GetDatabase(int db = -1)
    {
        CheckDatabase(db);
        return database;
    }

    public ISubscriber GetSubscriber() => subscriber;

    public IServer GetServer(EndPoint endpoint) => Equals(endpoint, EndPoint) || ConfigurationOptions.Format(endpoint) == EndpointName
        ? server
        : throw new ArgumentException($"This multiplexer is connected to {EndpointName} only.", nameof(endpoint));

    public IServer[] GetServers() => [server];

    public EndPoint[] GetEndPoints() => [EndPoint];

    public void Close() => Dispose();

    public Task CloseAsync() => DisposeAsync().AsTask();

    /// <summary>Closes both connections; commands still awaiting replies fail with <see cref="RedisConnectionException"/>.</summary>
    public void Dispose()
    {
        subscriber.Dispose();
        interactive.Dispose();
    }

    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    public override string ToString() => Configuration;

    internal void CheckDatabase(int db)
    {
        if (db != -1 && db != DatabaseIndex)
        {
            throw new NotSupportedException(
                $"This client serves one database per multiplexer (defaultDatabase={DatabaseIndex}); database {db} needs a multiplexer of its own.");
        }
    }

    internal void OnConnectionFailed(ConnectionType type, RedisConnectionException cause) =>
        Raise(ConnectionFailed, new ConnectionFailedEventArgs(EndPoint, type, cause.FailureType, cause));

    internal void OnConnectionRestored(ConnectionType type) =>
        Raise(ConnectionRestored, new ConnectionFailedEventArgs(EndPoint, type, ConnectionFailureType.None, null));

    private void Raise(EventHandler<ConnectionFailedEventArgs>? handlers, ConnectionFailedEventArgs args)
    {
        foreach (var handler in handlers?.GetInvocationList().Cast<EventHandler<ConnectionFailedEventArgs>>() ?? [])
        {
            try
            {
                handler(this, args);
            }
            catch (Exception ex)
            {
                CachingLog.EventHandlerFailed(Logger, ex.GetType().Name, ex);
            }
        }
    }
}
