using System.Net;
using System.Security.Cryptography;

using KtEvents.ServiceDefaults.Authentication;

using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace KtEvents.Testing;

/// <summary>
/// The User service's side of sign-in, for tests of the other services: a real ES256 key, its JWKS on
/// a loopback Kestrel, and owners' access tokens signed with it. A service under test is configured
/// with <see cref="Configuration"/> and checks the tokens exactly as in production.
/// </summary>
public sealed class TestIdentity : IAsyncDisposable
{
    public const string Issuer = "kt-events";
    public const string Audience = "kt-events";
    private const string KeyId = "test-key";

    private readonly ECDsa _key;
    private readonly Es256JwtWriter _writer;
    private readonly WebApplication _app;

    private TestIdentity(WebApplication app, ECDsa key)
    {
        _app = app;
        _key = key;
        _writer = new Es256JwtWriter(key, KeyId);
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        JwksUrl = new Uri(new Uri(address), "/.well-known/jwks.json");
    }

    public Uri JwksUrl { get; }

    /// <summary>The <c>Jwt</c> settings a service needs to trust these tokens.</summary>
    public IReadOnlyDictionary<string, string?> Configuration => new Dictionary<string, string?>
    {
        ["Jwt:Issuer"] = Issuer,
        ["Jwt:Audience"] = Audience,
        ["Jwt:JwksUrl"] = JwksUrl.ToString(),
        ["Jwt:JwksOverHttp2"] = "false",
    };

    public static async Task<TestIdentity> StartAsync()
    {
        var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var jwks = new JsonWebKeySet([JsonWebKey.FromECDsa(key, KeyId)]);
        app.MapGet("/.well-known/jwks.json", () => TypedResults.Text(jwks.ToJson(), JsonWebKeySet.MediaType));
        await app.StartAsync();
        return new TestIdentity(app, key);
    }

    /// <summary>An access token of the owner <paramref name="ownerId"/>, as the User service issues it.</summary>
    public string CreateAccessToken(Guid ownerId, Guid? storeId = null, TimeSpan? lifetime = null) =>
        _writer.CreateToken(new JwtDescriptor(Issuer, Audience, lifetime ?? TimeSpan.FromMinutes(15))
        {
            Claims = new Dictionary<string, object?>
            {
                [OwnerClaims.Subject] = ownerId.ToString(),
                [OwnerClaims.StoreId] = (storeId ?? Guid.CreateVersion7()).ToString(),
            },
        });

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        _key.Dispose();
    }
}
