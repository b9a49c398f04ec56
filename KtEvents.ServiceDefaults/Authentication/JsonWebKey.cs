using System.Security.Cryptography;
using System.Text.Json.Serialization;

namespace KtEvents.ServiceDefaults.Authentication;

/// <summary>An ES256 public key as a JWK (RFC 7517, RFC 7518 §6.2): kty EC, crv P-256, x and y in base64url.</summary>
public sealed record JsonWebKey(
    [property: JsonPropertyName("kty")] string KeyType,
    [property: JsonPropertyName("crv")] string Curve,
    [property: JsonPropertyName("x")] string X,
    [property: JsonPropertyName("y")] string Y,
    [property: JsonPropertyName("kid")] string KeyId,
    [property: JsonPropertyName("use")] string Use,
    [property: JsonPropertyName("alg")] string Algorithm)
{
    /// <summary>
    /// The public half of <paramref name="key"/> (a private key may be passed: only Q is exported, never d).
    /// </summary>
    public static JsonWebKey FromECDsa(ECDsa key, string keyId)
    {
        P256.EnsureKey(key, nameof(key));
        ArgumentException.ThrowIfNullOrWhiteSpace(keyId);
        var parameters = key.ExportParameters(includePrivateParameters: false);
        return new JsonWebKey(
            KeyType: "EC",
            Curve: "P-256",
            X: Base64UrlStrict.Encode(parameters.Q.X),
            Y: Base64UrlStrict.Encode(parameters.Q.Y),
            KeyId: keyId,
            Use: "sig",
            Algorithm: Es256JwtValidator.Algorithm);
    }
}
