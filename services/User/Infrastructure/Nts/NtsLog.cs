using System.Net;

namespace KtEvents.User.Infrastructure.Nts;

internal static partial class NtsLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Warning, Message = "The NTS status API answered {StatusCode}")]
    public static partial void ErrorStatus(ILogger logger, HttpStatusCode statusCode);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "The NTS status API answered an unreadable or unexpected body ({Problem})")]
    public static partial void UnexpectedBody(ILogger logger, string problem);

    [LoggerMessage(EventId = 3, Level = LogLevel.Warning, Message = "The NTS status API could not be reached")]
    public static partial void Unreachable(ILogger logger, Exception exception);
}
