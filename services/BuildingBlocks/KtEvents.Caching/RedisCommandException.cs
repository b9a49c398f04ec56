namespace KtEvents.Caching;

/// <summary>The command was refused by this client before being sent (it would break the shared connection, or needs admin mode).</summary>
public sealed class RedisCommandException(string message) : Exception(message);
