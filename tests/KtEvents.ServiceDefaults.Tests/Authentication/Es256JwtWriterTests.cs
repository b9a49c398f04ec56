using System.Security.Cryptography;
using System.Text.Json;

using KtEvents.ServiceDefaults.Authentication;

namespace KtEvents.ServiceDefaults.Tests.Authentication;

public sealed class Es256JwtWriterTests
{
    [Fact]
    public void JWKS_publishes_the_public_key_as_an_EC_P256_JWK_and_nothing_private()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);

        var json = new JsonWebKeySet([JsonWebKey.FromECDsa(key, "k1")]).ToJson();

        using var document = JsonDocument.Parse(json);
        var jwk = Assert.Single(document.RootElement.GetProperty("keys").EnumerateArray().ToArray());
        var members = jwk.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString());
        Assert.Equal(["alg", "crv", "kid", "kty", "use", "x", "y"], members.Keys.Order());
        Assert.Equal(("EC", "P-256", "k1", "sig", "ES256"), (members["kty"], members["crv"], members["kid"], members["use"], members["alg"]));
        var parameters = key.ExportParameters(false);
        Assert.Equal(parameters.Q.X, System.Buffers.Text.Base64Url.DecodeFromChars(members["x"]));
        Assert.Equal(parameters.Q.Y, System.Buffers.Text.Base64Url.DecodeFromChars(members["y"]));
        Assert.DoesNotContain('=', members["x"]!);
    }

    [Fact]
    public void Token_header_and_payload_follow_RFC_7519_and_the_signature_is_64_raw_bytes()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var now = new DateTimeOffset(2026, 11, 20, 9, 0, 0, TimeSpan.Zero);
        var writer = new Es256JwtWriter(key, "k1", new Infrastructure.ManualTimeProvider(now));

        var token = writer.CreateToken(new JwtDescriptor("iss-1", "aud-1", TimeSpan.FromMinutes(15))
        {
            Claims = new Dictionary<string, object?> { ["sub"] = "u1", ["stores"] = new[] { 1, 2 } },
        });

        var parts = token.Split('.');
        Assert.Equal(3, parts.Length);
        using var header = JsonDocument.Parse(JwtTestTokens.DecodeSegment(parts[0]));
        Assert.Equal("""{"alg":"ES256","typ":"JWT","kid":"k1"}""", header.RootElement.GetRawText());
        using var payload = JsonDocument.Parse(JwtTestTokens.DecodeSegment(parts[1]));
        var root = payload.RootElement;
        Assert.Equal("iss-1", root.GetProperty("iss").GetString());
        Assert.Equal("aud-1", root.GetProperty("aud").GetString());
        Assert.Equal(now.ToUnixTimeSeconds(), root.GetProperty("iat").GetInt64());
        Assert.Equal(now.AddMinutes(15).ToUnixTimeSeconds(), root.GetProperty("exp").GetInt64());
        Assert.Equal("[1,2]", root.GetProperty("stores").GetRawText());
        Assert.False(string.IsNullOrEmpty(root.GetProperty("jti").GetString()));

        var signature = System.Buffers.Text.Base64Url.DecodeFromChars(parts[2]);
        Assert.Equal(64, signature.Length);
        Assert.True(key.VerifyData(
            System.Text.Encoding.ASCII.GetBytes($"{parts[0]}.{parts[1]}"), signature,
            HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation));
    }

    [Fact]
    public void Writer_refuses_keys_that_are_not_P256()
    {
        using var p384 = ECDsa.Create(ECCurve.NamedCurves.nistP384);

        Assert.Throws<ArgumentException>(() => new Es256JwtWriter(p384, "k1"));
        Assert.Throws<ArgumentException>(() => JsonWebKey.FromECDsa(p384, "k1"));
    }

    [Theory]
    [InlineData("exp")]
    [InlineData("iss")]
    [InlineData("aud")]
    public void Registered_time_and_party_claims_cannot_be_overridden(string claim)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var writer = new Es256JwtWriter(key, "k1");

        Assert.Throws<ArgumentException>(() => writer.CreateToken(new JwtDescriptor("i", "a", TimeSpan.FromMinutes(1))
        {
            Claims = new Dictionary<string, object?> { [claim] = "x" },
        }));
    }
}
