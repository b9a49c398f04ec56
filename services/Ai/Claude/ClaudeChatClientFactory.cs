using Anthropic;
using Anthropic.Core;

using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;

namespace KtEvents.Ai.Claude;

/// <summary>
/// The <see cref="IChatClient"/> over the official Anthropic SDK. Requests go through our named
/// HttpClient (<see cref="HttpClientName"/>), so each call is an HTTP client span in the trace and
/// shares the process's connection pool; the SDK's own retries are off, because a retry inside a
/// 10-second budget is ours to decide (we don't: the data engine answers instead).
/// </summary>
public sealed class ClaudeChatClientFactory(IHttpClientFactory httpClientFactory, IOptions<ClaudeOptions> options)
{
    public const string HttpClientName = "claude";

    public IChatClient Create()
    {
        var settings = options.Value;
        var client = new AnthropicClient(new ClientOptions
        {
            ApiKey = settings.ApiKey,
            BaseUrl = settings.BaseUrl.ToString().TrimEnd('/'),
            HttpClient = httpClientFactory.CreateClient(HttpClientName),
            MaxRetries = 0,
            Timeout = settings.CallTimeout,
        });
        return client.AsIChatClient(settings.Model, settings.MaxOutputTokens);
    }
}
