using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace KtEvents.ServiceDefaults.Authentication;

/// <summary>
/// Issues ES256 JWTs (the User service's access tokens, and tokens in tests). The header names the key
/// by <c>kid</c> so that validators can pick it from the JWKS built with <see cref="JsonWebKey.FromECDsa"/>.
/// </summary>
public sealed class Es256JwtWriter
{
    private static readonly HashSet<string> ReservedClaims = ["iss", "aud", "iat", "nbf", "exp"];

    private readonly ECDsa _signingKey;
    private readonly string _keyId;
    private readonly TimeProvider _timeProvider;

    /// <param name="signingKey">A P-256 private key; the writer does not take ownership.</param>
    /// <param name="keyId">The <c>kid</c> under which the public key is published.</param>
    /// <param name="timeProvider">Clock for iat, nbf and exp; the system clock when null.</param>
    public Es256JwtWriter(ECDsa signingKey, string keyId, TimeProvider? timeProvider = null)
    {
        P256.EnsureKey(signingKey, nameof(signingKey));
        ArgumentException.ThrowIfNullOrWhiteSpace(keyId);
        _signingKey = signingKey;
        _keyId = keyId;
        _timeProvider = timeProvider ?? TimeProvider.System;
    }

    /// <summary>Signs a token for <paramref name="descriptor"/>.</summary>
    public string CreateToken(JwtDescriptor descriptor)
    {
        ArgumentNullException.ThrowIfNull(descriptor);
        ArgumentException.ThrowIfNullOrWhiteSpace(descriptor.Issuer);
        ArgumentException.ThrowIfNullOrWhiteSpace(descriptor.Audience);
        if (descriptor.Lifetime <= TimeSpan.Zero)
        {
            throw new ArgumentException("A token needs a positive lifetime.", nameof(descriptor));
        }

        if (descriptor.Claims.Keys.FirstOrDefault(ReservedClaims.Contains) is { } reserved)
        {
            throw new ArgumentException($"Claim '{reserved}' is set from the descriptor, not from Claims.", nameof(descriptor));
        }

        var header = Json(writer =>
        {
            writer.WriteString("alg", Es256JwtValidator.Algorithm);
            writer.WriteString("typ", "JWT");
            writer.WriteString("kid", _keyId);
        });

        var now = _timeProvider.GetUtcNow().ToUnixTimeSeconds();
        var payload = Json(writer =>
        {
            writer.WriteString("iss", descriptor.Issuer);
            writer.WriteString("aud", descriptor.Audience);
            writer.WriteNumber("iat", now);
            writer.WriteNumber("nbf", now);
            writer.WriteNumber("exp", now + (long)Math.Ceiling(descriptor.Lifetime.TotalSeconds));
            if (!descriptor.Claims.ContainsKey("jti"))
            {
                writer.WriteString("jti", Guid.CreateVersion7().ToString("N"));
            }

            foreach (var (name, value) in descriptor.Claims)
            {
                writer.WritePropertyName(name);
                JsonSerializer.Serialize(writer, value, value?.GetType() ?? typeof(object));
            }
        });

        var signingInput = $"{Base64UrlStrict.Encode(header)}.{Base64UrlStrict.Encode(payload)}";
        var signature = _signingKey.SignData(
            Encoding.ASCII.GetBytes(signingInput),
            HashAlgorithmName.SHA256,
            DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
        return $"{signingInput}.{Base64UrlStrict.Encode(signature)}";
    }

    private static byte[] Json(Action<Utf8JsonWriter> writeProperties)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writeProperties(writer);
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }
}
