using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

using KtEvents.ServiceDefaults.Authentication;

using Microsoft.Extensions.Options;

namespace KtEvents.User.Authentication;

/// <summary>
/// Issues the owners' tokens: ES256 access tokens for 15 minutes (<c>sub</c> = user id,
/// <c>store_id</c>, a fresh <c>jti</c>), with the issuer and audience this service also validates,
/// and opaque refresh tokens (32 random bytes, base64url) for 30 days, of which only the SHA-256 is kept.
/// Each rotation starts a new 30 days, so an owner who keeps coming back stays signed in.
/// </summary>
public sealed class TokenService(SigningKeyStore keys, IOptionsMonitor<JwtBearerOptions> jwtOptions, TimeProvider timeProvider)
{
    public static readonly TimeSpan AccessTokenLifetime = TimeSpan.FromMinutes(15);
    public static readonly TimeSpan RefreshTokenLifetime = TimeSpan.FromDays(30);

    public async Task<AccessToken> CreateAccessTokenAsync(Guid ownerId, Guid storeId, CancellationToken cancellationToken)
    {
        var signing = await keys.GetAsync(cancellationToken);
        var jwt = jwtOptions.Get(JwtBearerDefaults.AuthenticationScheme);
        // Read before signing: the writer's exp (whole seconds from its own clock reading) is never earlier.
        var expiresAt = DateTimeOffset.FromUnixTimeSeconds(timeProvider.GetUtcNow().ToUnixTimeSeconds()) + AccessTokenLifetime;
        var token = signing.Writer.CreateToken(new JwtDescriptor(jwt.Issuer, jwt.Audience, AccessTokenLifetime)
        {
            Claims = new Dictionary<string, object?>
            {
                [OwnerClaims.Subject] = ownerId.ToString(),
                [OwnerClaims.StoreId] = storeId.ToString(),
            },
        });
        return new AccessToken(token, expiresAt);
    }

    public NewRefreshToken CreateRefreshToken()
    {
        var token = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        return new NewRefreshToken(token, HashRefreshToken(token), timeProvider.GetUtcNow() + RefreshTokenLifetime);
    }

    public static byte[] HashRefreshToken(string token) => SHA256.HashData(Encoding.UTF8.GetBytes(token));
}
