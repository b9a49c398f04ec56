using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

using KtEvents.ServiceDefaults.Authentication;

namespace KtEvents.ServiceDefaults.Tests.Authentication;

public sealed class Es256JwtValidatorTests : IAsyncLifetime
{
    private JwtTestContext _jwt = null!;

    public async Task InitializeAsync() => _jwt = await JwtTestContext.StartAsync();

    public async Task DisposeAsync() => await _jwt.DisposeAsync();

    [Fact]
    public async Task Valid_token_is_accepted_with_the_claims_it_carries()
    {
        var token = _jwt.CreateToken(claims: new Dictionary<string, object?>
        {
            ["sub"] = "owner-1",
            ["role"] = new[] { "owner", "admin" },
            ["store_id"] = 42L,
        });

        var result = await _jwt.Validator.ValidateAsync(token);

        Assert.True(result.IsValid, result.Error?.ToString());
        Assert.Equal("owner-1", Assert.Single(result.Claims, c => c.Type == "sub").Value);
        Assert.Equal("owner-1", Assert.Single(result.Claims, c => c.Type == ClaimTypes.NameIdentifier).Value);
        Assert.Equal(["owner", "admin"], result.Claims.Where(c => c.Type == "role").Select(c => c.Value));
        var storeId = Assert.Single(result.Claims, c => c.Type == "store_id");
        Assert.Equal(("42", ClaimValueTypes.Integer64), (storeId.Value, storeId.ValueType));
        Assert.Contains(result.Claims, c => c.Type == "jti");
    }

    [Fact]
    public async Task Token_with_a_changed_payload_is_rejected()
    {
        var parts = JwtTestTokens.Parts(_jwt.CreateToken());
        var payload = JsonNode.Parse(JwtTestTokens.DecodeSegment(parts[1]))!.AsObject();
        payload["sub"] = "owner-2";
        var tampered = $"{parts[0]}.{JwtTestTokens.Segment(payload)}.{parts[2]}";

        var result = await _jwt.Validator.ValidateAsync(tampered);

        Assert.Equal(JwtValidationError.InvalidSignature, result.Error);
    }

    [Fact]
    public async Task Token_with_a_changed_signature_is_rejected()
    {
        var parts = JwtTestTokens.Parts(_jwt.CreateToken());
        var signature = System.Buffers.Text.Base64Url.DecodeFromChars(parts[2]);
        signature[10] ^= 0x01;

        var result = await _jwt.Validator.ValidateAsync(JwtTestTokens.Join(parts[0], parts[1], signature));

        Assert.Equal(JwtValidationError.InvalidSignature, result.Error);
    }

    [Fact]
    public async Task Alg_none_is_rejected()
    {
        var token = $"{JwtTestTokens.Segment(JwtTestTokens.Header(JwtTestContext.KeyId, "none"))}.{JwtTestTokens.Segment(_jwt.Payload())}.";

        var result = await _jwt.Validator.ValidateAsync(token);

        Assert.Equal(JwtValidationError.UnsupportedAlgorithm, result.Error);
    }

    [Theory]
    [InlineData("not.a.jwt")]
    [InlineData("a.b.c")]
    [InlineData("eyJhbGciOiJFUzI1NiJ9.eyJzdWIiOiJ4In0.abc")]
    public async Task Non_canonical_base64url_is_rejected_not_thrown(string token)
    {
        var result = await _jwt.Validator.ValidateAsync(token);

        Assert.False(result.IsValid);
    }

    public static TheoryData<string> PublicKeyEncodings => ["pem", "jwk", "spki"];

    // The classic confusion attack: the public key is public, so if a validator lets the token choose
    // HMAC, anyone can sign with the public key's bytes as the secret.
    [Theory]
    [MemberData(nameof(PublicKeyEncodings))]
    public async Task HS256_signed_with_the_public_key_is_rejected(string encoding)
    {
        var secret = encoding switch
        {
            "pem" => Encoding.ASCII.GetBytes(_jwt.Key.ExportSubjectPublicKeyInfoPem()),
            "jwk" => Encoding.UTF8.GetBytes(new JsonWebKeySet([JsonWebKey.FromECDsa(_jwt.Key, JwtTestContext.KeyId)]).ToJson()),
            _ => _jwt.Key.ExportSubjectPublicKeyInfo(),
        };
        var token = JwtTestTokens.SignHs256(JwtTestTokens.Header(JwtTestContext.KeyId, "HS256"), _jwt.Payload(), secret);

        var result = await _jwt.Validator.ValidateAsync(token);

        Assert.Equal(JwtValidationError.UnsupportedAlgorithm, result.Error);
        Assert.Equal(0, _jwt.Server.Fetches);
    }

    [Fact]
    public async Task RS256_is_rejected()
    {
        using var rsa = RSA.Create(2048);
        var token = JwtTestTokens.SignRs256(JwtTestTokens.Header(JwtTestContext.KeyId, "RS256"), _jwt.Payload(), rsa);

        var result = await _jwt.Validator.ValidateAsync(token);

        Assert.Equal(JwtValidationError.UnsupportedAlgorithm, result.Error);
    }

    [Theory]
    [InlineData("es256")]
    [InlineData("ES384")]
    [InlineData("ES256 ")]
    public async Task Alg_must_be_exactly_ES256(string alg)
    {
        var token = JwtTestTokens.SignEs256(JwtTestTokens.Header(JwtTestContext.KeyId, alg), _jwt.Payload(), _jwt.Key);

        var result = await _jwt.Validator.ValidateAsync(token);

        Assert.Equal(JwtValidationError.UnsupportedAlgorithm, result.Error);
    }

    [Fact]
    public async Task Hand_signed_ES256_token_in_JOSE_format_is_accepted()
    {
        var token = JwtTestTokens.SignEs256(JwtTestTokens.Header(JwtTestContext.KeyId), _jwt.Payload(), _jwt.Key);

        var result = await _jwt.Validator.ValidateAsync(token);

        Assert.True(result.IsValid, result.Error?.ToString());
    }

    [Fact]
    public async Task DER_encoded_signature_is_rejected()
    {
        var token = JwtTestTokens.SignEs256(JwtTestTokens.Header(JwtTestContext.KeyId), _jwt.Payload(), _jwt.Key,
            DSASignatureFormat.Rfc3279DerSequence);

        var result = await _jwt.Validator.ValidateAsync(token);

        Assert.Equal(JwtValidationError.InvalidSignature, result.Error);
    }

    [Fact]
    public async Task Expired_token_is_rejected()
    {
        var token = _jwt.CreateToken(lifetime: TimeSpan.FromMinutes(15));
        _jwt.Clock.Advance(TimeSpan.FromMinutes(15) + JwtTestContext.ClockSkew);

        var result = await _jwt.Validator.ValidateAsync(token);

        Assert.Equal(JwtValidationError.Expired, result.Error);
    }

    [Fact]
    public async Task Token_expired_within_the_clock_skew_is_still_accepted()
    {
        var token = _jwt.CreateToken(lifetime: TimeSpan.FromMinutes(15));
        _jwt.Clock.Advance(TimeSpan.FromMinutes(15) + TimeSpan.FromSeconds(10));

        var result = await _jwt.Validator.ValidateAsync(token);

        Assert.True(result.IsValid, result.Error?.ToString());
    }

    [Fact]
    public async Task Token_without_exp_is_rejected()
    {
        var token = JwtTestTokens.SignEs256(JwtTestTokens.Header(JwtTestContext.KeyId),
            _jwt.Payload(p => p.Remove("exp")), _jwt.Key);

        var result = await _jwt.Validator.ValidateAsync(token);

        Assert.Equal(JwtValidationError.Expired, result.Error);
    }

    [Fact]
    public async Task Token_not_yet_valid_is_rejected()
    {
        var nbf = _jwt.Clock.GetUtcNow().AddMinutes(5).ToUnixTimeSeconds();
        var token = JwtTestTokens.SignEs256(JwtTestTokens.Header(JwtTestContext.KeyId),
            _jwt.Payload(p => p["nbf"] = nbf), _jwt.Key);

        var result = await _jwt.Validator.ValidateAsync(token);

        Assert.Equal(JwtValidationError.NotYetValid, result.Error);
    }

    [Fact]
    public async Task Token_issued_in_the_future_is_rejected()
    {
        var iat = _jwt.Clock.GetUtcNow().AddMinutes(5).ToUnixTimeSeconds();
        var token = JwtTestTokens.SignEs256(JwtTestTokens.Header(JwtTestContext.KeyId),
            _jwt.Payload(p => { p["iat"] = iat; p.Remove("nbf"); }), _jwt.Key);

        var result = await _jwt.Validator.ValidateAsync(token);

        Assert.Equal(JwtValidationError.IssuedInFuture, result.Error);
    }

    [Fact]
    public async Task Wrong_audience_is_rejected()
    {
        var token = JwtTestTokens.SignEs256(JwtTestTokens.Header(JwtTestContext.KeyId),
            _jwt.Payload(p => p["aud"] = "someone-else"), _jwt.Key);

        var result = await _jwt.Validator.ValidateAsync(token);

        Assert.Equal(JwtValidationError.InvalidAudience, result.Error);
    }

    [Fact]
    public async Task Audience_array_containing_ours_is_accepted_and_one_without_it_is_not()
    {
        var ours = JwtTestTokens.SignEs256(JwtTestTokens.Header(JwtTestContext.KeyId),
            _jwt.Payload(p => p["aud"] = new JsonArray("gateway", JwtTestContext.Audience)), _jwt.Key);
        var others = JwtTestTokens.SignEs256(JwtTestTokens.Header(JwtTestContext.KeyId),
            _jwt.Payload(p => p["aud"] = new JsonArray("gateway", "analytics")), _jwt.Key);

        Assert.True((await _jwt.Validator.ValidateAsync(ours)).IsValid);
        Assert.Equal(JwtValidationError.InvalidAudience, (await _jwt.Validator.ValidateAsync(others)).Error);
    }

    [Fact]
    public async Task Wrong_issuer_is_rejected()
    {
        var token = JwtTestTokens.SignEs256(JwtTestTokens.Header(JwtTestContext.KeyId),
            _jwt.Payload(p => p["iss"] = "https://evil.example"), _jwt.Key);

        var result = await _jwt.Validator.ValidateAsync(token);

        Assert.Equal(JwtValidationError.InvalidIssuer, result.Error);
    }

    [Fact]
    public async Task Token_without_kid_is_rejected()
    {
        var token = JwtTestTokens.SignEs256("""{"alg":"ES256","typ":"JWT"}""", _jwt.Payload(), _jwt.Key);

        var result = await _jwt.Validator.ValidateAsync(token);

        Assert.Equal(JwtValidationError.MissingKeyId, result.Error);
    }

    [Fact]
    public async Task Token_with_an_unknown_kid_is_rejected()
    {
        using var otherKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var token = new Es256JwtWriter(otherKey, "not-published", _jwt.Clock)
            .CreateToken(new JwtDescriptor(JwtTestContext.Issuer, JwtTestContext.Audience, TimeSpan.FromHours(1)));

        var result = await _jwt.Validator.ValidateAsync(token);

        Assert.Equal(JwtValidationError.UnknownKey, result.Error);
    }

    [Fact]
    public async Task Token_signed_by_another_key_under_our_kid_is_rejected()
    {
        using var otherKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var token = new Es256JwtWriter(otherKey, JwtTestContext.KeyId, _jwt.Clock)
            .CreateToken(new JwtDescriptor(JwtTestContext.Issuer, JwtTestContext.Audience, TimeSpan.FromHours(1)));

        var result = await _jwt.Validator.ValidateAsync(token);

        Assert.Equal(JwtValidationError.InvalidSignature, result.Error);
    }

    [Fact]
    public async Task Critical_header_extension_is_rejected()
    {
        var token = JwtTestTokens.SignEs256(
            $$"""{"alg":"ES256","kid":"{{JwtTestContext.KeyId}}","crit":["exp"],"exp":1}""", _jwt.Payload(), _jwt.Key);

        var result = await _jwt.Validator.ValidateAsync(token);

        Assert.Equal(JwtValidationError.UnsupportedHeader, result.Error);
    }

    [Fact]
    public async Task Duplicate_claim_names_are_rejected()
    {
        var payload = _jwt.Payload().TrimEnd('}') + ""","sub":"owner-2"}""";
        var token = JwtTestTokens.SignEs256(JwtTestTokens.Header(JwtTestContext.KeyId), payload, _jwt.Key);

        var result = await _jwt.Validator.ValidateAsync(token);

        Assert.Equal(JwtValidationError.Malformed, result.Error);
    }

    [Theory]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("a.b")]
    [InlineData("a.b.c.d.e")]
    [InlineData("!!!.###.$$$")]
    public async Task Garbage_is_rejected_as_malformed(string token)
    {
        var result = await _jwt.Validator.ValidateAsync(token);

        Assert.Equal(JwtValidationError.Malformed, result.Error);
    }

    [Fact]
    public async Task Padded_base64_segment_is_rejected()
    {
        var parts = JwtTestTokens.Parts(_jwt.CreateToken());
        var result = await _jwt.Validator.ValidateAsync($"{parts[0]}==.{parts[1]}.{parts[2]}");

        Assert.Equal(JwtValidationError.Malformed, result.Error);
    }

    [Fact]
    public async Task Oversized_token_is_rejected_without_a_fetch()
    {
        var result = await _jwt.Validator.ValidateAsync(new string('a', Es256JwtValidator.MaxTokenLength + 1));

        Assert.Equal(JwtValidationError.Malformed, result.Error);
        Assert.Equal(0, _jwt.Server.Fetches);
    }
}
