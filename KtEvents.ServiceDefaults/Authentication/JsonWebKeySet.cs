using System.Text.Json;
using System.Text.Json.Serialization;

namespace KtEvents.ServiceDefaults.Authentication;

/// <summary>
/// A JWKS document (RFC 7517 §5), as the User service publishes it at <c>/.well-known/jwks.json</c>.
/// During a key rotation it lists the new key next to the old one until old tokens have expired.
/// </summary>
public sealed record JsonWebKeySet([property: JsonPropertyName("keys")] IReadOnlyList<JsonWebKey> Keys)
{
    /// <summary>Media type of a JWKS document (RFC 7517 §8.5).</summary>
    public const string MediaType = "application/jwk-set+json";

    /// <summary>The document as JSON.</summary>
    public string ToJson() => JsonSerializer.Serialize(this);
}
