using KtEvents.Sandbox.Channels;
using KtEvents.Sandbox.Claude;

using Microsoft.Extensions.DependencyInjection.Extensions;

namespace KtEvents.Sandbox.Apis;

public static class SandboxServices
{
    /// <summary>Registers what the sandbox's fake APIs share.</summary>
    public static IHostApplicationBuilder AddSandboxServices(this IHostApplicationBuilder builder)
    {
        builder.Services.TryAddSingleton(TimeProvider.System);
        // One memory of posts and faults per process, shared by every channel's endpoints.
        builder.Services.AddSingleton<ChannelPostStore>();
        // One memory of Claude scenarios and call counts, keyed by API key.
        builder.Services.AddSingleton<ClaudeScenarioStore>();
        return builder;
    }
}
