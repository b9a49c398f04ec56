using KtEvents.Caching;

namespace KtEvents.User.Authentication;

/// <summary>
/// Access tokens revoked before they expire (logout, UFR-USER-040). CONTRACT with the gateway and every
/// service that checks tokens: the Redis key <c>kt:auth:revoked:{jti}</c> exists while the token with
/// that <c>jti</c> is revoked; its value is irrelevant ("1") and its TTL runs until the token's
/// <c>exp</c>, after which the token is refused for being expired anyway and the key disappears.
/// A checker refuses a token whose key exists.
/// </summary>
public sealed class AccessTokenDenylist(IConnectionMultiplexer redis, TimeProvider timeProvider)
{
    public const string KeyPrefix = "kt:auth:revoked:";

    public static string KeyFor(string jti) => KeyPrefix + jti;

    public async Task RevokeAsync(string jti, DateTimeOffset expiresAt)
    {
        var remaining = expiresAt - timeProvider.GetUtcNow();
        if (remaining > TimeSpan.Zero)
        {
            // One second more: clocks of the checkers may lag ours by the validator's skew.
            await redis.GetDatabase().StringSetAsync(KeyFor(jti), "1", remaining + TimeSpan.FromSeconds(1));
        }
    }

    public Task<bool> IsRevokedAsync(string jti) => redis.GetDatabase().KeyExistsAsync(KeyFor(jti));
}
