using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace KtEvents.ServiceDefaults.Tests.Authentication;

/// <summary>
/// Hand-built tokens for attacks, written independently of Es256JwtWriter so the validator is checked
/// against the RFCs rather than against our own writer.
/// </summary>
public static class JwtTestTokens
{
    public static string Segment(string json) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(json));

    public static string Segment(JsonNode node) => Segment(node.ToJsonString());

    public static string Join(string header, string payload, byte[] signature) =>
        $"{header}.{payload}.{Base64Url.EncodeToString(signature)}";

    /// <summary>Signs header and payload JSON with ES256 in the JOSE format (or another, for negative tests).</summary>
    public static string SignEs256(string headerJson, string payloadJson, ECDsa key,
        DSASignatureFormat format = DSASignatureFormat.IeeeP1363FixedFieldConcatenation)
    {
        var input = $"{Segment(headerJson)}.{Segment(payloadJson)}";
        var signature = key.SignData(Encoding.ASCII.GetBytes(input), HashAlgorithmName.SHA256, format);
        return $"{input}.{Base64Url.EncodeToString(signature)}";
    }

    public static string SignHs256(string headerJson, string payloadJson, byte[] secret)
    {
        var input = $"{Segment(headerJson)}.{Segment(payloadJson)}";
        return $"{input}.{Base64Url.EncodeToString(HMACSHA256.HashData(secret, Encoding.ASCII.GetBytes(input)))}";
    }

    public static string SignRs256(string headerJson, string payloadJson, RSA key)
    {
        var input = $"{Segment(headerJson)}.{Segment(payloadJson)}";
        var signature = key.SignData(Encoding.ASCII.GetBytes(input), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return $"{input}.{Base64Url.EncodeToString(signature)}";
    }

    public static string Header(string kid, string alg = "ES256") =>
        JsonSerializer.Serialize(new { alg, typ = "JWT", kid });

    /// <summary>A payload valid at <paramref name="now"/> unless overridden; null values remove a claim.</summary>
    public static string Payload(DateTimeOffset now, string issuer, string audience, Action<JsonObject>? change = null)
    {
        var seconds = now.ToUnixTimeSeconds();
        var payload = new JsonObject
        {
            ["iss"] = issuer,
            ["aud"] = audience,
            ["sub"] = "owner-1",
            ["iat"] = seconds,
            ["nbf"] = seconds,
            ["exp"] = seconds + 900,
        };
        change?.Invoke(payload);
        return payload.ToJsonString();
    }

    public static string[] Parts(string token) => token.Split('.');

    public static string DecodeSegment(string segment) => Encoding.UTF8.GetString(Base64Url.DecodeFromChars(segment));
}
