extern alias sandbox;

using System.Net.Http.Json;
using System.Text.Json.Nodes;

using KtEvents.Testing;

using sandbox::KtEvents.Sandbox.Apis;

namespace KtEvents.Distribution.Tests.Infrastructure;

/// <summary>
/// The Sandbox's six channel APIs (the real <c>MapChannelApis</c>) on a loopback Kestrel speaking
/// HTTP/1.1 like the real channels, read and steered through its own endpoints: <c>GET /sandbox/posts</c>
/// and <c>POST /sandbox/faults</c>.
/// </summary>
public sealed class ChannelSandbox : IAsyncDisposable
{
    private readonly LoopbackApp _app;
    private readonly HttpClient _http;

    private ChannelSandbox(LoopbackApp app)
    {
        _app = app;
        _http = app.Http;
    }

    public Uri BaseUrl => _app.BaseUrl;

    public static async Task<ChannelSandbox> StartAsync() =>
        new(await LoopbackApp.StartAsync(builder => builder.AddSandboxServices(), app => app.MapChannelApis()));

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

    public ValueTask DisposeAsync() => _app.DisposeAsync();
}
