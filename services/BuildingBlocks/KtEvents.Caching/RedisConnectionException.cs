namespace KtEvents.Caching;

/// <summary>
/// No connection was available, or it broke before the reply arrived. The command may or may not have
/// run on the server: a write whose connection broke should be treated as of unknown outcome.
/// </summary>
public sealed class RedisConnectionException(ConnectionFailureType failureType, string message, Exception? innerException = null)
    : RedisException(message, innerException)
{
    public ConnectionFailureType FailureType { get; } = failureType;
}
