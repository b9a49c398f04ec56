namespace KtEvents.ServiceDefaults.Authentication;

/// <summary>
/// What goes into a token: issuer, audience, lifetime, and further claims ("sub", "role", "store_id",
/// ...) whose values are serialized with System.Text.Json. iss, aud, iat, nbf and exp are set from
/// the descriptor and cannot be given as claims; a "jti" is added unless one is given.
/// </summary>
public sealed record JwtDescriptor(string Issuer, string Audience, TimeSpan Lifetime)
{
    /// <summary>Further claims, by name as they should appear in the token.</summary>
    public IReadOnlyDictionary<string, object?> Claims { get; init; } = new Dictionary<string, object?>();
}
