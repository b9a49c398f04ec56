using System.Security.Cryptography;

using KtEvents.ServiceDefaults.Authentication;

namespace KtEvents.ServiceDefaults.Tests.Authentication;

public sealed class JwksKeyProviderTests : IAsyncLifetime
{
    private JwtTestContext _jwt = null!;

    public async Task InitializeAsync() => _jwt = await JwtTestContext.StartAsync();

    public async Task DisposeAsync() => await _jwt.DisposeAsync();

    [Fact]
    public async Task Keys_are_fetched_once_and_served_from_the_cache()
    {
        for (var i = 0; i < 5; i++)
        {
            Assert.True((await _jwt.Validator.ValidateAsync(_jwt.CreateToken())).IsValid);
        }

        Assert.Equal(1, _jwt.Server.Fetches);
    }

    [Fact]
    public async Task Concurrent_first_requests_share_one_fetch()
    {
        var token = _jwt.CreateToken();

        var results = await Task.WhenAll(Enumerable.Range(0, 20)
            .Select(_ => Task.Run(async () => await _jwt.Validator.ValidateAsync(token))));

        Assert.All(results, result => Assert.True(result.IsValid, result.Error?.ToString()));
        Assert.Equal(1, _jwt.Server.Fetches);
    }

    [Fact]
    public async Task Unknown_kids_cause_at_most_one_refresh_per_window()
    {
        Assert.True((await _jwt.Validator.ValidateAsync(_jwt.CreateToken())).IsValid);
        using var attackerKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        string Forged(int i) => new Es256JwtWriter(attackerKey, $"made-up-{i}", _jwt.Clock)
            .CreateToken(new JwtDescriptor(JwtTestContext.Issuer, JwtTestContext.Audience, TimeSpan.FromDays(1)));

        // Right after a fetch, the window is closed: made-up kids cost nothing.
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(JwtValidationError.UnknownKey, (await _jwt.Validator.ValidateAsync(Forged(i))).Error);
        }

        Assert.Equal(1, _jwt.Server.Fetches);

        // Once the window has passed, a burst of made-up kids gets exactly one refresh between them.
        _jwt.Clock.Advance(JwtTestContext.RefreshInterval + TimeSpan.FromSeconds(1));
        for (var i = 5; i < 15; i++)
        {
            Assert.Equal(JwtValidationError.UnknownKey, (await _jwt.Validator.ValidateAsync(Forged(i))).Error);
        }

        Assert.Equal(2, _jwt.Server.Fetches);
    }

    [Fact]
    public async Task A_newly_published_key_is_picked_up_by_the_refresh_its_kid_triggers()
    {
        Assert.True((await _jwt.Validator.ValidateAsync(_jwt.CreateToken())).IsValid);
        using var nextKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        _jwt.Server.Publish(JsonWebKey.FromECDsa(_jwt.Key, JwtTestContext.KeyId), JsonWebKey.FromECDsa(nextKey, "key-2026-12"));
        _jwt.Clock.Advance(JwtTestContext.RefreshInterval + TimeSpan.FromSeconds(1));
        var rotated = new Es256JwtWriter(nextKey, "key-2026-12", _jwt.Clock)
            .CreateToken(new JwtDescriptor(JwtTestContext.Issuer, JwtTestContext.Audience, TimeSpan.FromHours(1)));

        var result = await _jwt.Validator.ValidateAsync(rotated);

        Assert.True(result.IsValid, result.Error?.ToString());
        Assert.Equal(2, _jwt.Server.Fetches);
        Assert.True((await _jwt.Validator.ValidateAsync(_jwt.CreateToken())).IsValid);
        Assert.Equal(2, _jwt.Server.Fetches);
    }

    [Fact]
    public async Task Keys_are_fetched_again_when_the_cache_lifetime_ends()
    {
        Assert.True((await _jwt.Validator.ValidateAsync(_jwt.CreateToken())).IsValid);
        _jwt.Clock.Advance(JwtTestContext.CacheLifetime - TimeSpan.FromMinutes(1));
        Assert.True((await _jwt.Validator.ValidateAsync(_jwt.CreateToken())).IsValid);
        Assert.Equal(1, _jwt.Server.Fetches);

        _jwt.Clock.Advance(TimeSpan.FromMinutes(2));
        Assert.True((await _jwt.Validator.ValidateAsync(_jwt.CreateToken())).IsValid);

        Assert.Equal(2, _jwt.Server.Fetches);
    }

    [Fact]
    public async Task A_key_withdrawn_from_the_JWKS_stops_validating_after_the_cache_lifetime()
    {
        var token = _jwt.CreateToken(lifetime: TimeSpan.FromDays(1));
        Assert.True((await _jwt.Validator.ValidateAsync(token)).IsValid);
        using var otherKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        _jwt.Server.Publish(JsonWebKey.FromECDsa(otherKey, "key-2027-01"));

        _jwt.Clock.Advance(JwtTestContext.CacheLifetime + TimeSpan.FromSeconds(1));

        Assert.Equal(JwtValidationError.UnknownKey, (await _jwt.Validator.ValidateAsync(token)).Error);
    }

    [Fact]
    public async Task Unreachable_JWKS_rejects_tokens_and_is_retried_only_after_the_window()
    {
        _jwt.Server.Fail(true);
        var token = _jwt.CreateToken();

        Assert.Equal(JwtValidationError.KeysUnavailable, (await _jwt.Validator.ValidateAsync(token)).Error);
        Assert.Equal(JwtValidationError.KeysUnavailable, (await _jwt.Validator.ValidateAsync(token)).Error);
        Assert.Equal(1, _jwt.Server.Fetches);

        _jwt.Server.Fail(false);
        _jwt.Clock.Advance(JwtTestContext.RefreshInterval + TimeSpan.FromSeconds(1));

        Assert.True((await _jwt.Validator.ValidateAsync(token)).IsValid);
        Assert.Equal(2, _jwt.Server.Fetches);
    }

    [Fact]
    public async Task Cached_keys_survive_a_failed_refresh()
    {
        Assert.True((await _jwt.Validator.ValidateAsync(_jwt.CreateToken())).IsValid);
        _jwt.Server.Fail(true);
        _jwt.Clock.Advance(JwtTestContext.CacheLifetime + TimeSpan.FromSeconds(1));

        var result = await _jwt.Validator.ValidateAsync(_jwt.CreateToken());

        Assert.True(result.IsValid, result.Error?.ToString());
        Assert.Equal(2, _jwt.Server.Fetches);
    }

    [Fact]
    public async Task Entries_that_are_not_P256_signing_keys_are_ignored()
    {
        using var p384 = ECDsa.Create(ECCurve.NamedCurves.nistP384);
        var p384Parameters = p384.ExportParameters(false);
        var json = $$"""
            {"keys":[
              {"kty":"RSA","kid":"rsa-1","n":"AQAB","e":"AQAB"},
              {"kty":"EC","crv":"P-384","kid":"p384","x":"{{System.Buffers.Text.Base64Url.EncodeToString(p384Parameters.Q.X)}}","y":"{{System.Buffers.Text.Base64Url.EncodeToString(p384Parameters.Q.Y)}}"},
              {"kty":"EC","crv":"P-256","kid":"enc","use":"enc","x":"AAAA","y":"AAAA"},
              {"kty":"EC","crv":"P-256","kid":"off-curve","x":"{{new string('A', 43)}}","y":"{{new string('A', 43)}}"},
              {{JsonWebKeyJson()}}
            ]}
            """;
        _jwt.Server.PublishRaw(json);

        Assert.Null(await _jwt.Keys.FindKeyAsync("rsa-1"));
        Assert.Null(await _jwt.Keys.FindKeyAsync("p384"));
        Assert.Null(await _jwt.Keys.FindKeyAsync("enc"));
        Assert.Null(await _jwt.Keys.FindKeyAsync("off-curve"));
        Assert.NotNull(await _jwt.Keys.FindKeyAsync(JwtTestContext.KeyId));
        Assert.True((await _jwt.Validator.ValidateAsync(_jwt.CreateToken())).IsValid);
    }

    private string JsonWebKeyJson() =>
        System.Text.Json.JsonSerializer.Serialize(JsonWebKey.FromECDsa(_jwt.Key, JwtTestContext.KeyId));
}
