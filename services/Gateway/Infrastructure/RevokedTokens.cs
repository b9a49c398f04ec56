using KtEvents.Caching;
using KtEvents.ServiceDefaults.Authentication;

namespace KtEvents.Gateway.Infrastructure;

/// <summary>
/// Rejects an access token that its owner signed out (UFR-USER-040). The User service writes
/// <c>kt:auth:revoked:{jti}</c> with a TTL until the token's expiry when it logs out.
/// </summary>
public static class RevokedTokens
{
    public static string Key(string jti) => $"kt:auth:revoked:{jti}";

    public static async Task RejectRevokedAsync(TokenValidatedContext context)
    {
        if (context.Principal?.FindFirst("jti")?.Value is not { Length: > 0 } jti)
        {
            context.Fail("The token has no jti.");
            return;
        }

        var services = context.HttpContext.RequestServices;
        try
        {
            if (await services.GetRequiredService<IConnectionMultiplexer>().GetDatabase().KeyExistsAsync(Key(jti)))
            {
                GatewayLog.RevokedTokenRejected(services.GetRequiredService<ILogger<TokenValidatedContext>>());
                context.Fail("The token was revoked.");
            }
        }
        catch (Exception e) when (e is RedisException or TimeoutException or RedisCommandException)
        {
            // Fail open: access tokens live 15 minutes, and sign-in must not depend on the cache.
            GatewayLog.RevocationCheckFailed(services.GetRequiredService<ILogger<TokenValidatedContext>>(), e);
        }
    }
}
