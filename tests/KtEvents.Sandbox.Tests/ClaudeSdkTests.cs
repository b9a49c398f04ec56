using System.Net;
using System.Text.Json;

using Anthropic.Exceptions;

using KtEvents.Sandbox.Claude;

using Microsoft.Extensions.AI;

namespace KtEvents.Sandbox.Tests;

/// <summary>
/// The Claude double through the official Anthropic SDK and its IChatClient, the way the Ai service
/// calls it (UFR-AI-010): only the base URL differs from the real API.
/// </summary>
public sealed class ClaudeSdkTests(ClaudeSandbox sandbox) : IClassFixture<ClaudeSandbox>
{
    [Fact]
    public async Task UFR_AI_010_A_forced_trend_tool_call_comes_back_as_the_tool_input_with_usage()
    {
        var key = ClaudeSandbox.NewKey();
        using var chat = sandbox.Sdk(key).AsIChatClient(ClaudeRequests.Model);

        var response = await chat.GetResponseAsync(ClaudeRequests.Ask("부산 치킨집, 여름 트렌드를 알려 주세요."), ClaudeRequests.Forced(ClaudeToolNames.WriteTrendNarratives));

        var call = Assert.Single(response.Messages.SelectMany(message => message.Contents).OfType<FunctionCallContent>());
        Assert.Equal(ClaudeToolNames.WriteTrendNarratives, call.Name);
        Assert.StartsWith("toolu_", call.CallId);
        Assert.Equal(ChatFinishReason.ToolCalls, response.FinishReason);
        Assert.StartsWith("msg_", response.ResponseId);
        Assert.Equal(ClaudeRequests.Model, response.ModelId);
        Assert.True(response.Usage?.InputTokenCount > 0);
        Assert.True(response.Usage?.OutputTokenCount > 0);
        var input = JsonSerializer.SerializeToElement(call.Arguments);
        AiContract.AssertValidNarratives(input);
        Assert.Contains("치킨집", input.GetProperty("industry").GetString());
        Assert.Contains("부산", input.GetProperty("region").GetString());
        Assert.Contains("여름", input.GetProperty("season").GetString());
    }

    [Fact]
    public async Task UFR_AI_010_A_forced_plans_tool_call_gives_six_valid_plans_varied_by_the_industry()
    {
        using var chat = sandbox.Sdk(ClaudeSandbox.NewKey()).AsIChatClient(ClaudeRequests.Model);

        var cafe = await PlansAsync(chat, "서울 카페의 겨울 이벤트를 기획해 주세요.");
        var chicken = await PlansAsync(chat, "부산 치킨집의 여름 이벤트를 기획해 주세요.");

        AiContract.AssertValidPlans(cafe);
        AiContract.AssertValidPlans(chicken);
        Assert.NotEqual(cafe.GetRawText(), chicken.GetRawText());
        Assert.All(cafe.GetProperty("plans").EnumerateArray(), plan => Assert.Contains("카페", plan.GetProperty("title").GetString()! + plan.GetProperty("prize").GetString() + string.Join(' ', plan.GetProperty("promotion_lines").EnumerateArray())));
    }

    [Fact]
    public async Task UFR_AI_010_Without_tools_the_answer_is_a_short_Korean_text()
    {
        using var chat = sandbox.Sdk(ClaudeSandbox.NewKey()).AsIChatClient(ClaudeRequests.Model);

        var response = await chat.GetResponseAsync(ClaudeRequests.Ask("안녕하세요, 꽃집입니다."), new ChatOptions { MaxOutputTokens = 1024 });

        Assert.Equal(ChatFinishReason.Stop, response.FinishReason);
        Assert.Contains("꽃집", response.Text);
    }

    [Fact]
    public async Task UFR_AI_010_A_429_surfaces_as_the_SDKs_rate_limit_exception_once()
    {
        var key = ClaudeSandbox.NewKey();
        await sandbox.SetScenarioAsync(key, new { plans = new { fault = "error_429" } });
        using var chat = sandbox.Sdk(key).AsIChatClient(ClaudeRequests.Model);

        var error = await Assert.ThrowsAsync<AnthropicRateLimitException>(() => chat.GetResponseAsync(ClaudeRequests.Ask("카페"), ClaudeRequests.Forced(ClaudeToolNames.ProposeEventPlans)));

        Assert.Equal(HttpStatusCode.TooManyRequests, error.StatusCode);
        Assert.Contains("rate_limit_error", error.ResponseBody);
        Assert.StartsWith("req_", error.RequestID);
        Assert.Equal(new ClaudeCallCounts(0, 1, 0), await sandbox.CallsAsync(key));
    }

    [Fact]
    public async Task UFR_AI_010_A_529_surfaces_as_the_SDKs_overloaded_exception()
    {
        var key = ClaudeSandbox.NewKey();
        await sandbox.SetScenarioAsync(key, new { trends = new { fault = "error_529" } });
        using var chat = sandbox.Sdk(key).AsIChatClient(ClaudeRequests.Model);

        var error = await Assert.ThrowsAsync<AnthropicOverloadedException>(() => chat.GetResponseAsync(ClaudeRequests.Ask("카페"), ClaudeRequests.Forced(ClaudeToolNames.WriteTrendNarratives)));

        Assert.Equal((HttpStatusCode)529, error.StatusCode);
        Assert.Contains("overloaded_error", error.ResponseBody);
    }

    [Fact]
    public async Task UFR_AI_010_A_500_surfaces_as_the_SDKs_server_error()
    {
        var key = ClaudeSandbox.NewKey();
        await sandbox.SetScenarioAsync(key, new { plans = new { fault = "error_500" } });
        using var chat = sandbox.Sdk(key).AsIChatClient(ClaudeRequests.Model);

        var error = await Assert.ThrowsAnyAsync<Anthropic5xxException>(() => chat.GetResponseAsync(ClaudeRequests.Ask("카페"), ClaudeRequests.Forced(ClaudeToolNames.ProposeEventPlans)));

        Assert.Equal(HttpStatusCode.InternalServerError, error.StatusCode);
        Assert.Contains("api_error", error.ResponseBody);
    }

    [Fact]
    public async Task UFR_AI_010_Malformed_JSON_makes_the_SDK_throw()
    {
        var key = ClaudeSandbox.NewKey();
        await sandbox.SetScenarioAsync(key, new { plans = new { fault = "malformed_json" } });
        using var chat = sandbox.Sdk(key).AsIChatClient(ClaudeRequests.Model);

        // The SDK reads a 200 as the body it promises, so a cut-off body is a JsonException, not an API error.
        await Assert.ThrowsAnyAsync<JsonException>(() => chat.GetResponseAsync(ClaudeRequests.Ask("카페"), ClaudeRequests.Forced(ClaudeToolNames.ProposeEventPlans)));
    }

    [Fact]
    public async Task UFR_AI_010_A_hang_is_cut_by_the_SDKs_timeout()
    {
        var key = ClaudeSandbox.NewKey();
        await sandbox.SetScenarioAsync(key, new { plans = new { fault = "hang" } });
        using var chat = sandbox.Sdk(key, timeout: TimeSpan.FromSeconds(1)).AsIChatClient(ClaudeRequests.Model);

        // No token of the caller's here: the SDK's own timeout ends the wait, as a cancellation.
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => chat.GetResponseAsync(ClaudeRequests.Ask("카페"), ClaudeRequests.Forced(ClaudeToolNames.ProposeEventPlans)));

        Assert.Equal(1, (await sandbox.CallsAsync(key)).Plans);
    }

    [Fact]
    public async Task UFR_AI_010_A_hang_and_a_long_latency_end_when_the_caller_cancels()
    {
        var key = ClaudeSandbox.NewKey();
        await sandbox.SetScenarioAsync(key, new { trends = new { fault = "hang" }, plans = new { latencyMs = 600_000 } });
        using var chat = sandbox.Sdk(key).AsIChatClient(ClaudeRequests.Model);

        foreach (var tool in new[] { ClaudeToolNames.WriteTrendNarratives, ClaudeToolNames.ProposeEventPlans })
        {
            using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(500));
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => chat.GetResponseAsync(ClaudeRequests.Ask("카페"), ClaudeRequests.Forced(tool), cancellation.Token));
        }

        Assert.Equal(new ClaudeCallCounts(1, 1, 0), await sandbox.CallsAsync(key));
    }

    [Fact]
    public async Task UFR_AI_010_Invalid_input_missing_plan_and_wrong_budget_break_the_contract_in_their_own_way()
    {
        var invalid = await PlansWithFaultAsync("invalid_input");
        var missing = await PlansWithFaultAsync("missing_plan");
        var wrongBudget = await PlansWithFaultAsync("wrong_budget");

        Assert.Equal(JsonValueKind.String, invalid.GetProperty("plans").ValueKind);
        Assert.Equal(5, missing.GetProperty("plans").GetArrayLength());
        Assert.Single(AiContract.SlotsOutOfBudget(wrongBudget));
        Assert.Equal(6, wrongBudget.GetProperty("plans").GetArrayLength());
    }

    [Fact]
    public async Task UFR_AI_010_A_fault_for_a_number_of_times_then_normal_answers()
    {
        var key = ClaudeSandbox.NewKey();
        await sandbox.SetScenarioAsync(key, new { plans = new { fault = "missing_plan", times = 1 } });
        using var chat = sandbox.Sdk(key).AsIChatClient(ClaudeRequests.Model);

        var first = await PlansAsync(chat, "카페");
        var second = await PlansAsync(chat, "카페");

        Assert.Equal(5, first.GetProperty("plans").GetArrayLength());
        AiContract.AssertValidPlans(second);
    }

    [Fact]
    public async Task UFR_AI_010_Scenarios_are_per_key_and_a_reset_forgets_them()
    {
        var faulty = ClaudeSandbox.NewKey();
        var healthy = ClaudeSandbox.NewKey();
        await sandbox.SetScenarioAsync(faulty, new { plans = new { fault = "error_500" } });
        using var faultyChat = sandbox.Sdk(faulty).AsIChatClient(ClaudeRequests.Model);
        using var healthyChat = sandbox.Sdk(healthy).AsIChatClient(ClaudeRequests.Model);

        AiContract.AssertValidPlans(await PlansAsync(healthyChat, "카페"));
        await Assert.ThrowsAnyAsync<Anthropic5xxException>(() => PlansAsync(faultyChat, "카페"));

        using var reset = await sandbox.Http.DeleteAsync($"/sandbox/claude/scenarios/{faulty}");
        Assert.Equal(HttpStatusCode.NoContent, reset.StatusCode);
        Assert.Equal(new ClaudeCallCounts(0, 0, 0), await sandbox.CallsAsync(faulty));
        AiContract.AssertValidPlans(await PlansAsync(faultyChat, "카페"));
        Assert.Equal(new ClaudeCallCounts(0, 1, 0), await sandbox.CallsAsync(faulty));
    }

    [Fact]
    public async Task UFR_AI_010_Calls_are_counted_per_tool_under_concurrency()
    {
        var key = ClaudeSandbox.NewKey();
        using var chat = sandbox.Sdk(key).AsIChatClient(ClaudeRequests.Model);

        await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => chat.GetResponseAsync(ClaudeRequests.Ask("카페"), ClaudeRequests.Forced(ClaudeToolNames.WriteTrendNarratives))));
        await PlansAsync(chat, "카페");
        await chat.GetResponseAsync(ClaudeRequests.Ask("카페"), new ChatOptions { MaxOutputTokens = 1024 });

        Assert.Equal(new ClaudeCallCounts(20, 1, 1), await sandbox.CallsAsync(key));
    }

    private async Task<JsonElement> PlansWithFaultAsync(string fault)
    {
        var key = ClaudeSandbox.NewKey();
        await sandbox.SetScenarioAsync(key, new { plans = new { fault } });
        using var chat = sandbox.Sdk(key).AsIChatClient(ClaudeRequests.Model);
        return await PlansAsync(chat, "카페");
    }

    private static async Task<JsonElement> PlansAsync(IChatClient chat, string text)
    {
        var response = await chat.GetResponseAsync(ClaudeRequests.Ask(text), ClaudeRequests.Forced(ClaudeToolNames.ProposeEventPlans));
        var call = Assert.Single(response.Messages.SelectMany(message => message.Contents).OfType<FunctionCallContent>());
        Assert.Equal(ClaudeToolNames.ProposeEventPlans, call.Name);
        return JsonSerializer.SerializeToElement(call.Arguments);
    }
}
