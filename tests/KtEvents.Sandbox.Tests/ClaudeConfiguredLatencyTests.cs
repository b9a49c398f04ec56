using KtEvents.Sandbox.Claude;

using Microsoft.Extensions.AI;

namespace KtEvents.Sandbox.Tests;

/// <summary>A key without a scenario waits the configured latency (the benchmark sets 3000/6000 ms) (UFR-AI-010).</summary>
public sealed class ClaudeConfiguredLatencyTests
{
    [Fact]
    public async Task UFR_AI_010_A_key_without_scenario_waits_the_configured_latency_and_a_scenario_overrides_it()
    {
        using var sandbox = ClaudeSandbox.With(new Dictionary<string, string?>
        {
            ["Sandbox:Claude:TrendsLatencyMs"] = "600000",
            ["Sandbox:Claude:PlansLatencyMs"] = "600000",
        });
        var key = ClaudeSandbox.NewKey();
        using var chat = sandbox.Sdk(key).AsIChatClient(ClaudeRequests.Model);

        using (var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(500)))
        {
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
                chat.GetResponseAsync(ClaudeRequests.Ask("카페"), ClaudeRequests.Forced(ClaudeToolNames.WriteTrendNarratives), cancellation.Token));
        }

        await sandbox.SetScenarioAsync(key, new { trends = new { latencyMs = 0 } });
        var response = await chat.GetResponseAsync(ClaudeRequests.Ask("카페"), ClaudeRequests.Forced(ClaudeToolNames.WriteTrendNarratives));

        Assert.Single(response.Messages.SelectMany(message => message.Contents).OfType<FunctionCallContent>());
    }
}
