namespace KtEvents.User.Authentication;

internal static partial class AuthLog
{
    [LoggerMessage(EventId = 100, Level = LogLevel.Information, Message = "Created the token signing key {KeyId}")]
    public static partial void SigningKeyCreated(ILogger logger, string keyId);

    [LoggerMessage(EventId = 101, Level = LogLevel.Warning, Message = "A revoked refresh token was presented again; its family is revoked (user {UserId})")]
    public static partial void RefreshTokenReused(ILogger logger, Guid userId);

    [LoggerMessage(EventId = 102, Level = LogLevel.Warning, Message = "Sign-in for phone key {PhoneKey} is locked after repeated failures")]
    public static partial void LoginLocked(ILogger logger, string phoneKey);

    [LoggerMessage(EventId = 103, Level = LogLevel.Warning, Message = "Could not check the access-token denylist; the token is refused")]
    public static partial void DenylistUnavailable(ILogger logger, Exception exception);
}
