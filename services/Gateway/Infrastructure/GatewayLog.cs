using KtEvents.Rpc;

namespace KtEvents.Gateway.Infrastructure;

internal static partial class GatewayLog
{
    [LoggerMessage(1, LogLevel.Information, "A service answered {StatusCode} with problem code {ProblemCode}")]
    public static partial void ServiceCallFailed(ILogger logger, StatusCode statusCode, string problemCode);

    [LoggerMessage(2, LogLevel.Information, "Rejected a revoked access token")]
    public static partial void RevokedTokenRejected(ILogger logger);

    [LoggerMessage(3, LogLevel.Warning, "Could not check token revocation; the token is accepted until it expires")]
    public static partial void RevocationCheckFailed(ILogger logger, Exception exception);

    [LoggerMessage(4, LogLevel.Warning, "The dashboard's figures are unavailable ({StatusCode}); the events are listed without them")]
    public static partial void FiguresUnavailable(ILogger logger, StatusCode statusCode);
}
