using System.Security.Cryptography;
using System.Text.Json;

using Microsoft.Extensions.Logging;

namespace KtEvents.ServiceDefaults.Authentication;

/// <summary>
/// Reads the ES256 signing keys out of a JWKS document. Entries of other kinds (RSA keys, encryption
/// keys, other curves) may legitimately share the set; they are skipped, never used for ES256.
/// </summary>
internal static class JwksReader
{
    private static readonly JsonDocumentOptions DocumentOptions = new()
    {
        AllowDuplicateProperties = false,
        MaxDepth = 16,
    };

    /// <exception cref="JsonException">The document is not JSON.</exception>
    /// <exception cref="InvalidDataException">The document has no "keys" array.</exception>
    public static Dictionary<string, ECDsa> ReadSigningKeys(ReadOnlyMemory<byte> json, ILogger logger)
    {
        using var document = JsonDocument.Parse(json, DocumentOptions);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object
            || !root.TryGetProperty("keys", out var entries)
            || entries.ValueKind != JsonValueKind.Array)
        {
            throw new InvalidDataException("The JWKS document has no \"keys\" array.");
        }

        var keys = new Dictionary<string, ECDsa>(StringComparer.Ordinal);
        foreach (var entry in entries.EnumerateArray())
        {
            // A key without a kid can never be selected by a token, which must name its key.
            if (entry.ValueKind != JsonValueKind.Object
                || !entry.TryGetProperty("kid", out var kidElement)
                || kidElement.ValueKind != JsonValueKind.String
                || kidElement.GetString() is not { Length: > 0 } kid)
            {
                continue;
            }

            var key = TryReadKey(entry, out var problem);
            if (key is null)
            {
                JwtLog.KeyIgnored(logger, kid, problem);
            }
            else if (!keys.TryAdd(kid, key))
            {
                key.Dispose();
                JwtLog.KeyIgnored(logger, kid, "duplicate kid; the first entry is used");
            }
        }

        return keys;
    }

    private static ECDsa? TryReadKey(JsonElement entry, out string problem)
    {
        if (!Is(entry, "kty", "EC", optional: false) || !Is(entry, "crv", "P-256", optional: false))
        {
            problem = "not an EC P-256 key";
            return null;
        }

        if (!Is(entry, "alg", Es256JwtValidator.Algorithm, optional: true) || !Is(entry, "use", "sig", optional: true))
        {
            problem = "not meant for ES256 signatures";
            return null;
        }

        if (!TryCoordinate(entry, "x", out var x) || !TryCoordinate(entry, "y", out var y))
        {
            problem = "x and y must be 32 bytes in base64url";
            return null;
        }

        problem = "x and y are not a point on P-256";
        return P256.TryImportPublicKey(x, y);
    }

    private static bool Is(JsonElement entry, string name, string expected, bool optional) =>
        entry.TryGetProperty(name, out var value)
            ? value.ValueKind == JsonValueKind.String && value.ValueEquals(expected)
            : optional;

    private static bool TryCoordinate(JsonElement entry, string name, out byte[] coordinate)
    {
        coordinate = [];
        if (!entry.TryGetProperty(name, out var value)
            || value.ValueKind != JsonValueKind.String
            || !Base64UrlStrict.TryDecode(value.GetString(), out var bytes)
            || bytes.Length != P256.CoordinateSize)
        {
            return false;
        }

        coordinate = bytes;
        return true;
    }
}
