using System.Security.Cryptography;

using KtEvents.ServiceDefaults.Authentication;
using KtEvents.ServiceDefaults.Tests.Infrastructure;

using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace KtEvents.ServiceDefaults.Tests.Authentication;

/// <summary>
/// A signing key published by a real JWKS server, and a validator wired to it with a hand-moved clock.
/// </summary>
public sealed class JwtTestContext : IAsyncDisposable
{
    public const string Issuer = "https://user.ktevents.test";
    public const string Audience = "ktevents";
    public const string KeyId = "key-2026-11";
    public static readonly TimeSpan CacheLifetime = TimeSpan.FromHours(1);
    public static readonly TimeSpan RefreshInterval = TimeSpan.FromSeconds(30);
    public static readonly TimeSpan ClockSkew = TimeSpan.FromSeconds(30);

    private readonly ServiceProvider _services;

    private JwtTestContext(JwksServer server, ECDsa key, ServiceProvider services)
    {
        Server = server;
        Key = key;
        _services = services;
        Clock = new ManualTimeProvider(new DateTimeOffset(2026, 11, 20, 9, 0, 0, TimeSpan.Zero));
        Keys = new JwksKeyProvider(
            services.GetRequiredService<IHttpClientFactory>(),
            new JwksKeyProviderOptions(server.JwksUrl, CacheLifetime, RefreshInterval),
            Clock,
            NullLogger<JwksKeyProvider>.Instance);
        Validator = new Es256JwtValidator(new JwtValidationParameters(Issuer, Audience, ClockSkew), Keys, Clock);
        Writer = new Es256JwtWriter(key, KeyId, Clock);
    }

    public JwksServer Server { get; }

    public ECDsa Key { get; }

    public ManualTimeProvider Clock { get; }

    public JwksKeyProvider Keys { get; }

    public Es256JwtValidator Validator { get; }

    public Es256JwtWriter Writer { get; }

    public static async Task<JwtTestContext> StartAsync()
    {
        var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var server = await JwksServer.StartAsync(JsonWebKey.FromECDsa(key, KeyId));
        var services = new ServiceCollection().AddHttpClient().BuildServiceProvider();
        return new JwtTestContext(server, key, services);
    }

    public string CreateToken(TimeSpan? lifetime = null, IReadOnlyDictionary<string, object?>? claims = null) =>
        Writer.CreateToken(new JwtDescriptor(Issuer, Audience, lifetime ?? TimeSpan.FromDays(1))
        {
            Claims = claims ?? new Dictionary<string, object?> { ["sub"] = "owner-1" },
        });

    public string Payload(Action<System.Text.Json.Nodes.JsonObject>? change = null) =>
        JwtTestTokens.Payload(Clock.GetUtcNow(), Issuer, Audience, change);

    public async ValueTask DisposeAsync()
    {
        Keys.Dispose();
        Key.Dispose();
        await _services.DisposeAsync();
        await Server.DisposeAsync();
    }
}
