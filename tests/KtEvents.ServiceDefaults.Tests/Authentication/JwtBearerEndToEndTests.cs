using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text.Json;

using KtEvents.ServiceDefaults.Authentication;
using KtEvents.ServiceDefaults.Tests.Infrastructure;

using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace KtEvents.ServiceDefaults.Tests.Authentication;

/// <summary>
/// A minimal service as the others will be built: AddServiceDefaults, the bearer scheme from the
/// <c>Jwt</c> section, the JWKS URL given by service name ("http://user/...") and resolved through
/// <c>services:user:http:0</c>, and an endpoint that requires authorization.
/// </summary>
public sealed class JwtBearerEndToEndTests : IAsyncLifetime
{
    private const string RevokedJti = "revoked-jti";
    private readonly ECDsa _key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    private JwksServer _jwks = null!;
    private RunningApp _app = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _jwks = await JwksServer.StartAsync(JsonWebKey.FromECDsa(_key, JwtTestContext.KeyId));
        _app = await RunningApp.StartAsync(
            app =>
            {
                app.MapDefaultEndpoints();
                app.MapGet("/plain", () => "no explicit policy");
                app.MapGet("/me", (ClaimsPrincipal user) => new Me(
                    user.FindFirstValue("sub"),
                    user.FindFirstValue(ClaimTypes.NameIdentifier),
                    user.FindAll("role").Select(c => c.Value).ToArray())).RequireAuthorization();
            },
            builder =>
            {
                builder.Configuration["Jwt:Issuer"] = JwtTestContext.Issuer;
                builder.Configuration["Jwt:Audience"] = JwtTestContext.Audience;
                builder.Configuration["Jwt:JwksUrl"] = $"http://user{JwksServer.Path}";
                builder.Configuration["services:user:http:0"] = _jwks.BaseAddress.ToString();
                builder.AddServiceDefaults();
                builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme)
                    .AddJwtBearer(options => options.Events.OnTokenValidated = context =>
                    {
                        // What logout's denylist check will look like.
                        if (context.Principal!.FindFirstValue("jti") == RevokedJti)
                        {
                            context.Fail("revoked");
                        }

                        return Task.CompletedTask;
                    });
                // Services deny anonymous callers by default; the probes must still get through.
                builder.Services.AddAuthorization(options => options.FallbackPolicy =
                    new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
            });
        _client = _app.CreateClient();
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _app.DisposeAsync();
        await _jwks.DisposeAsync();
        _key.Dispose();
    }

    [Fact]
    public async Task Request_without_a_token_gets_401_with_a_bearer_challenge()
    {
        using var response = await _client.GetAsync("/me");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.ToString());
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("unauthorized", problem.RootElement.GetProperty("code").GetString());
    }

    [Fact]
    public async Task Request_with_a_tampered_token_gets_401_invalid_token()
    {
        var parts = Token().Split('.');
        var tampered = $"{parts[0]}.{JwtTestTokens.Segment(JwtTestTokens.DecodeSegment(parts[1]).Replace("owner-1", "owner-2", StringComparison.Ordinal))}.{parts[2]}";

        using var response = await SendAsync(tampered);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer error=\"invalid_token\"", response.Headers.WwwAuthenticate.ToString());
    }

    [Fact]
    public async Task Request_with_a_token_from_another_issuer_key_gets_401()
    {
        using var otherKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var forged = new Es256JwtWriter(otherKey, JwtTestContext.KeyId)
            .CreateToken(new JwtDescriptor(JwtTestContext.Issuer, JwtTestContext.Audience, TimeSpan.FromMinutes(15))
            {
                Claims = new Dictionary<string, object?> { ["sub"] = "owner-1" },
            });

        using var response = await SendAsync(forged);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Request_with_a_valid_token_gets_200_and_the_token_claims()
    {
        using var response = await SendAsync(Token());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var me = await response.Content.ReadFromJsonAsync<Me>();
        Assert.NotNull(me);
        Assert.Equal(("owner-1", "owner-1"), (me.Sub, me.NameIdentifier));
        Assert.Equal(["owner"], me.Roles);
        Assert.Equal(1, _jwks.Fetches);
    }

    [Fact]
    public async Task Token_rejected_by_the_token_validated_event_gets_401()
    {
        using var response = await SendAsync(Token(jti: RevokedJti));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Health_endpoints_need_no_token_even_under_a_fallback_policy()
    {
        using var alive = await _client.GetAsync("/alive");
        using var health = await _client.GetAsync("/health");
        using var other = await _client.GetAsync("/plain");

        Assert.Equal(HttpStatusCode.OK, alive.StatusCode);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, other.StatusCode);
    }

    [Fact]
    public async Task Service_without_Jwt_configuration_refuses_to_start()
    {
        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => RunningApp.StartAsync(
            _ => { },
            builder =>
            {
                builder.AddServiceDefaults();
                builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
            }));

        Assert.Contains("Jwt:Issuer is required.", failure.Failures);
        Assert.Contains("Jwt:JwksUrl must be an absolute http or https URL.", failure.Failures);
    }

    private Task<HttpResponseMessage> SendAsync(string token)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/me");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return _client.SendAsync(request);
    }

    private string Token(string? jti = null)
    {
        var claims = new Dictionary<string, object?> { ["sub"] = "owner-1", ["role"] = "owner" };
        if (jti is not null)
        {
            claims["jti"] = jti;
        }

        return new Es256JwtWriter(_key, JwtTestContext.KeyId)
            .CreateToken(new JwtDescriptor(JwtTestContext.Issuer, JwtTestContext.Audience, TimeSpan.FromMinutes(15)) { Claims = claims });
    }

    public sealed record Me(string? Sub, string? NameIdentifier, string[] Roles);
}
