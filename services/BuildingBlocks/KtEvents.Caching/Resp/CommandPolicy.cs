namespace KtEvents.Caching.Resp;

/// <summary>
/// What <c>ExecuteAsync</c> may send. The interactive connection is shared and answers in order, so
/// commands that change its mode or its database for everyone are refused; administrative commands
/// need <c>allowAdmin=true</c>, as in StackExchange.Redis.
/// </summary>
internal static class CommandPolicy
{
    private static readonly HashSet<string> Refused = new(StringComparer.Ordinal)
    {
        "SUBSCRIBE", "PSUBSCRIBE", "SSUBSCRIBE", "UNSUBSCRIBE", "PUNSUBSCRIBE", "SUNSUBSCRIBE",
        "MONITOR", "QUIT", "RESET", "SELECT", "HELLO", "SYNC", "PSYNC", "MULTI", "EXEC", "DISCARD", "WATCH", "UNWATCH",
    };

    private static readonly HashSet<string> Admin = new(StringComparer.Ordinal)
    {
        "CONFIG", "CLIENT", "DEBUG", "FLUSHALL", "FLUSHDB", "SHUTDOWN", "SAVE", "BGSAVE", "BGREWRITEAOF",
        "REPLICAOF", "SLAVEOF", "CLUSTER", "FAILOVER", "ACL", "MODULE", "SWAPDB",
    };

    /// <summary>Returns the command name in upper case, or throws <see cref="RedisCommandException"/>.</summary>
    public static string Check(string command, object[] args, bool allowAdmin)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(command);
        ArgumentNullException.ThrowIfNull(args);
        var name = command.Trim().ToUpperInvariant();
        if (name.Contains(' ', StringComparison.Ordinal))
        {
            throw new RedisCommandException($"Pass the subcommand of '{name}' as an argument.");
        }
        if (Refused.Contains(name))
        {
            throw new RedisCommandException($"{name} is not available on the shared connection (use ISubscriber for pub/sub; one database per multiplexer; transactions are not supported).");
        }
        if (!allowAdmin && Admin.Contains(name))
        {
            throw new RedisCommandException($"{name} is an administrative command; it needs allowAdmin=true in the connection string.");
        }
        return name;
    }
}
