using System.Net.Http.Json;

using Anthropic;

using KtEvents.Sandbox.Apis;
using KtEvents.Sandbox.Claude;
using KtEvents.Testing;

namespace KtEvents.Sandbox.Tests;

/// <summary>
/// The Sandbox on a real loopback port, for the Claude double's tests: the official Anthropic SDK
/// pointed at it (retries off, so that a fault surfaces once), and a raw client for wire shapes.
/// Every test uses an API key of its own, which is all the isolation the double needs.
/// </summary>
public sealed class ClaudeSandbox : IDisposable
{
    private readonly ServiceFactory<Program> _factory;

    public ClaudeSandbox()
        : this(new Dictionary<string, string?>())
    {
    }

    private ClaudeSandbox(IReadOnlyDictionary<string, string?> settings)
    {
        _factory = new ServiceFactory<Program>(settings);
        Address = _factory.StartOnLoopback();
        Http = new HttpClient { BaseAddress = Address };
    }

    public Uri Address { get; }

    /// <summary>A sandbox with settings of its own (configured latencies and the like).</summary>
    public static ClaudeSandbox With(IReadOnlyDictionary<string, string?> settings) => new(settings);

    public HttpClient Http { get; }

    public static string NewKey() => $"sk-ant-test-{Guid.NewGuid():N}";

    public AnthropicClient Sdk(string apiKey, TimeSpan? timeout = null) => new()
    {
        ApiKey = apiKey,
        BaseUrl = Address.ToString().TrimEnd('/'),
        MaxRetries = 0,
        Timeout = timeout ?? TimeSpan.FromSeconds(30),
    };

    public async Task SetScenarioAsync(string apiKey, object scenario)
    {
        using var response = await Http.PutAsJsonAsync($"/sandbox/claude/scenarios/{apiKey}", scenario);
        Assert.Equal(System.Net.HttpStatusCode.NoContent, response.StatusCode);
    }

    public async Task<ClaudeCallCounts> CallsAsync(string apiKey) =>
        (await Http.GetFromJsonAsync<ClaudeCallCounts>($"/sandbox/claude/calls/{apiKey}"))!;

    /// <summary>Posts <paramref name="body"/> to the Messages API with the usual headers, minus any named in <paramref name="without"/>.</summary>
    public async Task<HttpResponseMessage> PostMessageAsync(string? apiKey, string body, params string[] without)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, ClaudeApi.MessagesPath)
        {
            Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json"),
        };
        if (apiKey is not null && !without.Contains(ClaudeApi.ApiKeyHeader))
        {
            request.Headers.Add(ClaudeApi.ApiKeyHeader, apiKey);
        }

        if (!without.Contains(ClaudeApi.VersionHeader))
        {
            request.Headers.Add(ClaudeApi.VersionHeader, "2023-06-01");
        }

        return await Http.SendAsync(request);
    }

    public void Dispose()
    {
        Http.Dispose();
        _factory.Dispose();
    }
}
