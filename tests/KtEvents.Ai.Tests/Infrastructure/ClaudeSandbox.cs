extern alias sandbox;

using System.Net;
using System.Net.Http.Json;

using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

using sandbox::KtEvents.Sandbox.Apis;

namespace KtEvents.Ai.Tests.Infrastructure;

/// <summary>
/// The Sandbox's Claude double (the real <c>MapClaudeApi</c>: Anthropic's Messages API over HTTP/1.1)
/// on a loopback Kestrel, steered per API key through its scenario endpoints.
/// </summary>
public sealed class ClaudeSandbox : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly HttpClient _http;

    private ClaudeSandbox(WebApplication app)
    {
        _app = app;
        BaseUrl = new Uri(app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single());
        _http = new HttpClient { BaseAddress = BaseUrl };
    }

    public Uri BaseUrl { get; }

    public static async Task<ClaudeSandbox> StartAsync()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = Environments.Development });
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        builder.AddSandboxServices();
        var app = builder.Build();
        app.MapClaudeApi();
        await app.StartAsync();
        return new ClaudeSandbox(app);
    }

    /// <summary><c>PUT /sandbox/claude/scenarios/{apiKey}</c>: how the double answers this key's trends and plans calls.</summary>
    public async Task SetScenarioAsync(string apiKey, ToolScenario? trends = null, ToolScenario? plans = null)
    {
        using var response = await _http.PutAsJsonAsync($"sandbox/claude/scenarios/{apiKey}", new { trends, plans });
        response.EnsureSuccessStatusCode();
    }

    /// <summary><c>GET /sandbox/claude/calls/{apiKey}</c>: the Messages calls received for this key.</summary>
    public async Task<ClaudeCalls> CallsAsync(string apiKey) =>
        (await _http.GetFromJsonAsync<ClaudeCalls>($"sandbox/claude/calls/{apiKey}"))!;

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _app.DisposeAsync();
    }
}

/// <summary>One tool's scenario: a latency, a fault (none, malformed_json, … hang), and for how many calls.</summary>
public sealed record ToolScenario(string Fault = "none", int? LatencyMs = null, int? Times = null);

public sealed record ClaudeCalls(int Trends, int Plans, int Other);
