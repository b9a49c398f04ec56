using Microsoft.Extensions.Logging;

namespace KtEvents.Caching.Connections;

/// <summary>
/// The building block's log messages. They name endpoints, commands and exception types, never keys,
/// values, channel names or passwords.
/// </summary>
internal static partial class CachingLog
{
    [LoggerMessage(1, LogLevel.Information, "Redis {ConnectionType} connection to {Endpoint} established.")]
    public static partial void Connected(ILogger logger, ConnectionType connectionType, string endpoint);

    [LoggerMessage(2, LogLevel.Warning, "Redis {ConnectionType} connection to {Endpoint} lost ({FailureType}): {Reason} Reconnecting.")]
    public static partial void ConnectionLost(ILogger logger, ConnectionType connectionType, string endpoint, ConnectionFailureType failureType, string reason);

    [LoggerMessage(3, LogLevel.Information, "Redis {ConnectionType} connection to {Endpoint} restored after {Attempts} attempt(s) in {ElapsedMilliseconds} ms.")]
    public static partial void ConnectionRestored(ILogger logger, ConnectionType connectionType, string endpoint, int attempts, long elapsedMilliseconds);

    [LoggerMessage(4, LogLevel.Warning, "Redis {ConnectionType} connection to {Endpoint} could not be established: {Reason} Retrying in the background.")]
    public static partial void ConnectFailed(ILogger logger, ConnectionType connectionType, string endpoint, string reason);

    [LoggerMessage(5, LogLevel.Debug, "Redis {ConnectionType} connection attempt {Attempt} to {Endpoint} failed: {Reason}")]
    public static partial void ReconnectAttemptFailed(ILogger logger, ConnectionType connectionType, int attempt, string endpoint, string reason);

    [LoggerMessage(6, LogLevel.Error, "A Redis subscription handler threw {ExceptionType}; the message was skipped for that handler.")]
    public static partial void SubscriptionHandlerFailed(ILogger logger, string exceptionType, Exception exception);

    [LoggerMessage(10, LogLevel.Error, "A ConnectionFailed/ConnectionRestored handler threw {ExceptionType}.")]
    public static partial void EventHandlerFailed(ILogger logger, string exceptionType, Exception exception);

    [LoggerMessage(7, LogLevel.Warning, "JSON cache read failed ({ExceptionType}); loading instead.")]
    public static partial void CacheReadFailed(ILogger logger, string exceptionType);

    [LoggerMessage(8, LogLevel.Warning, "JSON cache write failed ({ExceptionType}); the value is returned uncached.")]
    public static partial void CacheWriteFailed(ILogger logger, string exceptionType);

    [LoggerMessage(9, LogLevel.Warning, "A JSON cache entry could not be read as {TypeName}; loading instead.")]
    public static partial void CacheEntryUnreadable(ILogger logger, string typeName);
}
