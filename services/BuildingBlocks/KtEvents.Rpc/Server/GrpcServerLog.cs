using Microsoft.Extensions.Logging;

namespace KtEvents.Rpc.Server;

internal static partial class GrpcServerLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Error,
        Message = "gRPC call {Method} failed with an unhandled exception; the caller gets INTERNAL without its text")]
    public static partial void UnhandledException(ILogger logger, string method, Exception exception);

    [LoggerMessage(EventId = 2, Level = LogLevel.Debug, Message = "gRPC call {Method} passed its deadline")]
    public static partial void DeadlineExceeded(ILogger logger, string method);

    [LoggerMessage(EventId = 3, Level = LogLevel.Debug, Message = "gRPC call {Method} was cancelled by the caller")]
    public static partial void CancelledByCaller(ILogger logger, string method);

    [LoggerMessage(EventId = 4, Level = LogLevel.Debug, Message = "gRPC call {Method} ended with {StatusCode}")]
    public static partial void Failed(ILogger logger, string method, StatusCode statusCode);

    [LoggerMessage(EventId = 5, Level = LogLevel.Warning,
        Message = "gRPC call {Method} rejected: {Reason}")]
    public static partial void Rejected(ILogger logger, string method, string reason);
}
