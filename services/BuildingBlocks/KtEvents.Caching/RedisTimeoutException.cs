namespace KtEvents.Caching;

/// <summary>
/// No reply within the command timeout (<c>asyncTimeout</c>). Derives from <see cref="TimeoutException"/>
/// as in StackExchange.Redis. The command may still run on the server; its late reply is discarded.
/// </summary>
public sealed class RedisTimeoutException(string message) : TimeoutException(message);
