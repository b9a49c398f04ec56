namespace KtEvents.Testing;

/// <summary>
/// The servers a test process shares, started on first use and stopped when the process exits (the
/// per-server watchdog covers a process that is killed instead). Tests that stop or restart a server
/// start a private one with <c>XServer.StartNewAsync()</c> instead.
/// </summary>
public static class SharedServers
{
    private static readonly Lazy<Task<PostgresServer>> Postgres = new(() => PostgresServer.StartNewAsync());
    private static readonly Lazy<Task<RedisServer>> Redis = new(() => RedisServer.StartNewAsync());
    private static readonly Lazy<Task<RabbitMqServer>> RabbitMq = new(() => RabbitMqServer.StartNewAsync());

    static SharedServers() => AppDomain.CurrentDomain.ProcessExit += (_, _) => StopAll();

    public static Task<PostgresServer> PostgresAsync() => Postgres.Value;

    public static Task<RedisServer> RedisAsync() => Redis.Value;

    public static Task<RabbitMqServer> RabbitMqAsync() => RabbitMq.Value;

    private static void StopAll()
    {
        var stops = new IAsyncDisposable?[] { Started(Postgres), Started(Redis), Started(RabbitMq) }.OfType<IAsyncDisposable>()
            .Select(server => server.DisposeAsync().AsTask());
        Task.WaitAll([.. stops], TimeSpan.FromSeconds(30));
    }

    /// <summary>The server, if it was asked for and came up; null otherwise (nothing to stop).</summary>
    private static T? Started<T>(Lazy<Task<T>> server) where T : class =>
        server.IsValueCreated && server.Value.IsCompletedSuccessfully ? server.Value.Result : null;
}
