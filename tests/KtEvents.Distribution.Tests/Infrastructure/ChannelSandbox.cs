extern alias sandbox;

using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

using sandbox::KtEvents.Sandbox.Apis;

namespace KtEvents.Distribution.Tests.Infrastructure;

/// <summary>
/// The Sandbox's six channel APIs (the real <c>MapChannelApis</c>) on a loopback Kestrel speaking
/// HTTP/1.1 like the real channels, read and steered through its own endpoints: <c>GET /sandbox/posts</c>
/// and <c>POST /sandbox/faults</c>.
/// </summary>
public sealed class ChannelSandbox : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly HttpClient _http;

    private ChannelSandbox(WebApplication app)
    {
        _app = app;
        BaseUrl = new Uri(app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single());
        _http = new HttpClient { BaseAddress = BaseUrl };
    }

    public Uri BaseUrl { get; }

    public static async Task<ChannelSandbox> StartAsync()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = Environments.Development });
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        builder.AddSandboxServices();
        var app = builder.Build();
        app.MapChannelApis();
        await app.StartAsync();
        return new ChannelSandbox(app);
    }

    /// <summary>The next <paramref name="failures"/> new posts to <paramref name="channel"/> answer 503.</summary>
    public async Task SetFaultsAsync(string channel, int failures)
    {
        using var response = await _http.PostAsJsonAsync("sandbox/faults", new { channel, failures });
        response.EnsureSuccessStatusCode();
    }

    /// <summary>The posts the channels accepted for <paramref name="eventId"/> (their idempotency keys name it).</summary>
    public async Task<IReadOnlyList<JsonObject>> PostsOfAsync(Guid eventId)
    {
        var posts = await _http.GetFromJsonAsync<JsonArray>("sandbox/posts") ?? [];
        return [.. posts.OfType<JsonObject>().Where(post => post["idempotencyKey"]!.GetValue<string>().Contains(eventId.ToString("N"), StringComparison.Ordinal))];
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _app.DisposeAsync();
    }
}
