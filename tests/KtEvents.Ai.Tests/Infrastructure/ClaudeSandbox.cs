extern alias sandbox;

using System.Net.Http.Json;

using KtEvents.Testing;

using sandbox::KtEvents.Sandbox.Apis;

namespace KtEvents.Ai.Tests.Infrastructure;

/// <summary>
/// The Sandbox's Claude double (the real <c>MapClaudeApi</c>: Anthropic's Messages API over HTTP/1.1)
/// on a loopback Kestrel, steered per API key through its scenario endpoints.
/// </summary>
public sealed class ClaudeSandbox : IAsyncDisposable
{
    private readonly LoopbackApp _app;
    private readonly HttpClient _http;

    private ClaudeSandbox(LoopbackApp app)
    {
        _app = app;
        _http = app.Http;
    }

    public Uri BaseUrl => _app.BaseUrl;

    public static async Task<ClaudeSandbox> StartAsync() =>
        new(await LoopbackApp.StartAsync(builder => builder.AddSandboxServices(), app => app.MapClaudeApi()));

    /// <summary><c>PUT /sandbox/claude/scenarios/{apiKey}</c>: how the double answers this key's trends and plans calls.</summary>
    public async Task SetScenarioAsync(string apiKey, ToolScenario? trends = null, ToolScenario? plans = null)
    {
        using var response = await _http.PutAsJsonAsync($"sandbox/claude/scenarios/{apiKey}", new { trends, plans });
        response.EnsureSuccessStatusCode();
    }

    /// <summary><c>GET /sandbox/claude/calls/{apiKey}</c>: the Messages calls received for this key.</summary>
    public async Task<ClaudeCalls> CallsAsync(string apiKey) =>
        (await _http.GetFromJsonAsync<ClaudeCalls>($"sandbox/claude/calls/{apiKey}"))!;

    public ValueTask DisposeAsync() => _app.DisposeAsync();
}

/// <summary>One tool's scenario: a latency, a fault (none, malformed_json, … hang), and for how many calls.</summary>
public sealed record ToolScenario(string Fault = "none", int? LatencyMs = null, int? Times = null);

public sealed record ClaudeCalls(int Trends, int Plans, int Other);
