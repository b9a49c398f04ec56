using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace KtEvents.ServiceDefaults.Authentication;

/// <summary>
/// Strict validation of ES256 JWTs (RFC 7519, JWS compact form of RFC 7515). The algorithm is fixed,
/// not read from the token: "alg" must be exactly ES256, which rules out "none" and the HS256 trick of
/// signing with the public key as an HMAC secret. The key is chosen only by "kid" from the issuer's
/// JWKS; keys embedded in the header (jwk, jku, x5u) are never used. The signature is the raw 64-byte
/// R||S form JOSE uses. Then exp (required), nbf and iat are checked against the clock with a small
/// skew, and iss and aud against the configured values.
/// </summary>
public sealed class Es256JwtValidator(JwtValidationParameters parameters, JwksKeyProvider keys, TimeProvider timeProvider)
{
    /// <summary>The only accepted "alg".</summary>
    public const string Algorithm = "ES256";

    /// <summary>Longer tokens are refused before any work; ours are well under 2 KB.</summary>
    public const int MaxTokenLength = 8 * 1024;

    private static readonly JsonDocumentOptions DocumentOptions = new()
    {
        // RFC 7515 §4 / RFC 7519 §4: a duplicated name must be rejected or take the last value; two
        // parsers taking different values is how confusion attacks start, so reject.
        AllowDuplicateProperties = false,
        MaxDepth = 16,
    };

    /// <summary>Checks <paramref name="token"/> and returns its claims or the reason for rejecting it.</summary>
    public async ValueTask<JwtValidationResult> ValidateAsync(string token, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(token);
        if (token.Length is 0 or > MaxTokenLength)
        {
            return JwtValidationResult.Failure(JwtValidationError.Malformed);
        }

        // Exactly three segments: a JWE (five) or anything else is not a signed JWT.
        var firstDot = token.IndexOf('.', StringComparison.Ordinal);
        var secondDot = firstDot < 0 ? -1 : token.IndexOf('.', firstDot + 1);
        if (secondDot < 0 || token.IndexOf('.', secondDot + 1) >= 0)
        {
            return JwtValidationResult.Failure(JwtValidationError.Malformed);
        }

        var header = ReadHeader(token.AsSpan(0, firstDot), out var keyId);
        if (header is not null)
        {
            return JwtValidationResult.Failure(header.Value);
        }

        if (!Base64UrlStrict.TryDecode(token.AsSpan(secondDot + 1), out var signature) || signature.Length != P256.SignatureSize)
        {
            return JwtValidationResult.Failure(JwtValidationError.InvalidSignature);
        }

        var key = await keys.FindKeyAsync(keyId, cancellationToken).ConfigureAwait(false);
        if (key is null)
        {
            return JwtValidationResult.Failure(keys.HasKeys ? JwtValidationError.UnknownKey : JwtValidationError.KeysUnavailable);
        }

        var signingInput = Encoding.ASCII.GetBytes(token, 0, secondDot);
        if (!key.VerifyData(signingInput, signature, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation))
        {
            return JwtValidationResult.Failure(JwtValidationError.InvalidSignature);
        }

        if (!Base64UrlStrict.TryDecode(token.AsSpan(firstDot + 1, secondDot - firstDot - 1), out var payload))
        {
            return JwtValidationResult.Failure(JwtValidationError.Malformed);
        }

        return ValidatePayload(payload);
    }

    private static JwtValidationError? ReadHeader(ReadOnlySpan<char> encoded, out string keyId)
    {
        keyId = "";
        if (!TryParseObject(encoded, out var document))
        {
            return JwtValidationError.Malformed;
        }

        using (document)
        {
            var header = document.RootElement;
            if (!header.TryGetProperty("alg", out var alg) || alg.ValueKind != JsonValueKind.String || !alg.ValueEquals(Algorithm))
            {
                return JwtValidationError.UnsupportedAlgorithm;
            }

            // "crit" names extensions the recipient must understand (RFC 7515 §4.1.11); we know none.
            // "typ", when present, must say this is a JWT (RFC 8725 §3.11).
            if (header.TryGetProperty("crit", out _)
                || (header.TryGetProperty("typ", out var typ)
                    && !(typ.ValueKind == JsonValueKind.String
                         && (string.Equals(typ.GetString(), "JWT", StringComparison.OrdinalIgnoreCase)
                             || string.Equals(typ.GetString(), "at+jwt", StringComparison.OrdinalIgnoreCase)))))
            {
                return JwtValidationError.UnsupportedHeader;
            }

            if (!header.TryGetProperty("kid", out var kid) || kid.ValueKind != JsonValueKind.String || kid.GetString() is not { Length: > 0 } id)
            {
                return JwtValidationError.MissingKeyId;
            }

            keyId = id;
            return null;
        }
    }

    private JwtValidationResult ValidatePayload(byte[] json)
    {
        if (!TryParseObject(json, out var document))
        {
            return JwtValidationResult.Failure(JwtValidationError.Malformed);
        }

        using (document)
        {
            var payload = document.RootElement;
            var now = timeProvider.GetUtcNow().ToUnixTimeMilliseconds() / 1000.0;
            var skew = parameters.ClockSkew.TotalSeconds;

            if (!TryReadNumericDate(payload, "exp", required: true, out var expires)
                || expires is not { } exp
                || now >= exp + skew)
            {
                return JwtValidationResult.Failure(JwtValidationError.Expired);
            }

            if (!TryReadNumericDate(payload, "nbf", required: false, out var notBefore))
            {
                return JwtValidationResult.Failure(JwtValidationError.Malformed);
            }

            if (notBefore is { } nbf && now + skew < nbf)
            {
                return JwtValidationResult.Failure(JwtValidationError.NotYetValid);
            }

            if (!TryReadNumericDate(payload, "iat", required: false, out var issuedAt))
            {
                return JwtValidationResult.Failure(JwtValidationError.Malformed);
            }

            if (issuedAt is { } iat && iat > now + skew)
            {
                return JwtValidationResult.Failure(JwtValidationError.IssuedInFuture);
            }

            if (!payload.TryGetProperty("iss", out var iss) || iss.ValueKind != JsonValueKind.String || !iss.ValueEquals(parameters.Issuer))
            {
                return JwtValidationResult.Failure(JwtValidationError.InvalidIssuer);
            }

            if (!HasAudience(payload, parameters.Audience))
            {
                return JwtValidationResult.Failure(JwtValidationError.InvalidAudience);
            }

            return JwtValidationResult.Success(JwtClaimsReader.Read(payload, parameters.Issuer));
        }
    }

    private static bool TryParseObject(ReadOnlySpan<char> encoded, out JsonDocument document)
    {
        document = null!;
        return Base64UrlStrict.TryDecode(encoded, out var json) && TryParseObject(json, out document);
    }

    private static bool TryParseObject(byte[] json, out JsonDocument document)
    {
        document = null!;
        try
        {
            var parsed = JsonDocument.Parse(json, DocumentOptions);
            if (parsed.RootElement.ValueKind != JsonValueKind.Object)
            {
                parsed.Dispose();
                return false;
            }

            document = parsed;
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    // NumericDate (RFC 7519 §2): seconds since the epoch, possibly fractional. False when the claim
    // is present with another type, or absent though required.
    private static bool TryReadNumericDate(JsonElement payload, string name, bool required, out double? seconds)
    {
        seconds = null;
        if (!payload.TryGetProperty(name, out var value))
        {
            return !required;
        }

        if (value.ValueKind != JsonValueKind.Number || !value.TryGetDouble(out var number) || !double.IsFinite(number))
        {
            return false;
        }

        seconds = number;
        return true;
    }

    private static bool HasAudience(JsonElement payload, string audience)
    {
        if (!payload.TryGetProperty("aud", out var aud))
        {
            return false;
        }

        if (aud.ValueKind == JsonValueKind.String)
        {
            return aud.ValueEquals(audience);
        }

        return aud.ValueKind == JsonValueKind.Array
            && aud.EnumerateArray().Any(item => item.ValueKind == JsonValueKind.String && item.ValueEquals(audience));
    }
}
