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
        var stops = new List<Task>();
        if (Postgres.IsValueCreated && Postgres.Value.IsCompletedSuccessfully)
        {
            stops.Add(Postgres.Value.Result.DisposeAsync().AsTask());
        }
        if (Redis.IsValueCreated && Redis.Value.IsCompletedSuccessfully)
        {
            stops.Add(Redis.Value.Result.DisposeAsync().AsTask());
        }
        if (RabbitMq.IsValueCreated && RabbitMq.Value.IsCompletedSuccessfully)
        {
            stops.Add(RabbitMq.Value.Result.DisposeAsync().AsTask());
        }
        Task.WaitAll([.. stops], TimeSpan.FromSeconds(30));
    }
}
