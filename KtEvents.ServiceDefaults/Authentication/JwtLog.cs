using Microsoft.Extensions.Logging;

namespace KtEvents.ServiceDefaults.Authentication;

// Never log a token or any part of one: the reason and the key id are enough to investigate.
internal static partial class JwtLog
{
    [LoggerMessage(EventId = 1201, Level = LogLevel.Information,
        Message = "Bearer token rejected by scheme {Scheme}: {Reason}")]
    public static partial void TokenRejected(ILogger logger, string scheme, JwtValidationError reason);

    [LoggerMessage(EventId = 1202, Level = LogLevel.Information,
        Message = "Fetched {KeyCount} ES256 signing keys from {JwksUrl}")]
    public static partial void KeysFetched(ILogger logger, int keyCount, Uri jwksUrl);

    [LoggerMessage(EventId = 1203, Level = LogLevel.Warning,
        Message = "Fetching signing keys from {JwksUrl} failed; keeping {KeyCount} cached keys")]
    public static partial void FetchFailed(ILogger logger, Exception exception, Uri jwksUrl, int keyCount);

    [LoggerMessage(EventId = 1204, Level = LogLevel.Debug,
        Message = "Signing keys were fetched less than {RefreshInterval} ago; not fetching again")]
    public static partial void RefreshSuppressed(ILogger logger, TimeSpan refreshInterval);

    [LoggerMessage(EventId = 1205, Level = LogLevel.Warning,
        Message = "Ignored JWKS entry {KeyId}: {Reason}")]
    public static partial void KeyIgnored(ILogger logger, string keyId, string reason);
}
