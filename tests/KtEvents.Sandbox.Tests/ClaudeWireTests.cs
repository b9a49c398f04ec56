using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

using KtEvents.Sandbox.Apis;
using KtEvents.Sandbox.Claude;

namespace KtEvents.Sandbox.Tests;

/// <summary>The Claude double's exact wire shapes over raw HTTP: messages, errors, headers, scenarios (UFR-AI-010).</summary>
public sealed class ClaudeWireTests(ClaudeSandbox sandbox) : IClassFixture<ClaudeSandbox>
{
    [Fact]
    public async Task UFR_AI_010_A_tool_answer_has_the_Messages_API_shape()
    {
        using var response = await sandbox.PostMessageAsync(ClaudeSandbox.NewKey(), ClaudeRequests.Raw(ClaudeToolNames.ProposeEventPlans));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("req_", response.Headers.GetValues(ClaudeApi.RequestIdHeader).Single());
        var root = await ReadAsync(response);
        Assert.StartsWith("msg_", root.GetProperty("id").GetString());
        Assert.Equal("message", root.GetProperty("type").GetString());
        Assert.Equal("assistant", root.GetProperty("role").GetString());
        Assert.Equal(ClaudeRequests.Model, root.GetProperty("model").GetString());
        Assert.Equal("tool_use", root.GetProperty("stop_reason").GetString());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("stop_sequence").ValueKind);
        Assert.True(root.GetProperty("usage").GetProperty("input_tokens").GetInt32() > 0);
        Assert.True(root.GetProperty("usage").GetProperty("output_tokens").GetInt32() > 0);
        var block = Assert.Single(root.GetProperty("content").EnumerateArray().ToList());
        Assert.Equal("tool_use", block.GetProperty("type").GetString());
        Assert.StartsWith("toolu_", block.GetProperty("id").GetString());
        Assert.Equal(ClaudeToolNames.ProposeEventPlans, block.GetProperty("name").GetString());
        AiContract.AssertValidPlans(block.GetProperty("input"));
    }

    public static TheoryData<string> Topics => new()
    {
        "서울 카페의 겨울 이벤트",
        "부산 치킨집 여름 프로모션",
        "제주 꽃집 봄 행사",
        "대전 필라테스 가을",
        "어떤 가게인지 밝히지 않은 요청",
    };

    [Theory]
    [MemberData(nameof(Topics))]
    public async Task UFR_AI_010_The_default_answers_keep_the_contract_for_every_topic(string userText)
    {
        using var plans = await sandbox.PostMessageAsync(ClaudeSandbox.NewKey(), ClaudeRequests.Raw(ClaudeToolNames.ProposeEventPlans, userText));
        using var trends = await sandbox.PostMessageAsync(ClaudeSandbox.NewKey(), ClaudeRequests.Raw(ClaudeToolNames.WriteTrendNarratives, userText));

        AiContract.AssertValidPlans((await ReadAsync(plans)).GetProperty("content")[0].GetProperty("input"));
        AiContract.AssertValidNarratives((await ReadAsync(trends)).GetProperty("content")[0].GetProperty("input"));
    }

    [Fact]
    public async Task UFR_AI_010_The_system_prompt_may_be_text_blocks_and_no_tools_gives_a_text_block()
    {
        var body = ClaudeRequests.Raw(ClaudeToolNames.ProposeEventPlans, change: request =>
        {
            request["system"] = new JsonArray(new JsonObject { ["type"] = "text", ["text"] = "기획자입니다." });
            request.Remove("tools");
            request.Remove("tool_choice");
        });

        using var response = await sandbox.PostMessageAsync(ClaudeSandbox.NewKey(), body);

        var root = await ReadAsync(response);
        Assert.Equal("end_turn", root.GetProperty("stop_reason").GetString());
        var block = Assert.Single(root.GetProperty("content").EnumerateArray().ToList());
        Assert.Equal("text", block.GetProperty("type").GetString());
        Assert.Contains("카페", block.GetProperty("text").GetString());
    }

    [Fact]
    public async Task UFR_AI_010_An_answer_longer_than_max_tokens_stops_at_max_tokens()
    {
        using var response = await sandbox.PostMessageAsync(ClaudeSandbox.NewKey(), ClaudeRequests.Raw(ClaudeToolNames.ProposeEventPlans, change: request => request["max_tokens"] = 100));

        var root = await ReadAsync(response);
        Assert.Equal("max_tokens", root.GetProperty("stop_reason").GetString());
        Assert.Equal(100, root.GetProperty("usage").GetProperty("output_tokens").GetInt32());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public async Task UFR_AI_010_No_api_key_is_401_authentication_error(string? apiKey)
    {
        using var response = await sandbox.PostMessageAsync(apiKey, ClaudeRequests.Raw(ClaudeToolNames.ProposeEventPlans));

        await AssertErrorAsync(response, HttpStatusCode.Unauthorized, "authentication_error");
    }

    [Fact]
    public async Task UFR_AI_010_A_bearer_key_is_accepted_like_x_api_key_and_counted_under_it()
    {
        var key = ClaudeSandbox.NewKey();
        using var request = new HttpRequestMessage(HttpMethod.Post, ClaudeApi.MessagesPath)
        {
            Content = new StringContent(ClaudeRequests.Raw(ClaudeToolNames.WriteTrendNarratives), System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", key);
        request.Headers.Add(ClaudeApi.VersionHeader, "2026-10-21");

        using var response = await sandbox.Http.SendAsync(request);

        AiContract.AssertValidNarratives((await ReadAsync(response)).GetProperty("content")[0].GetProperty("input"));
        Assert.Equal(new ClaudeCallCounts(1, 0, 0), await sandbox.CallsAsync(key));
    }

    [Fact]
    public async Task UFR_AI_010_No_anthropic_version_is_400()
    {
        using var response = await sandbox.PostMessageAsync(ClaudeSandbox.NewKey(), ClaudeRequests.Raw(ClaudeToolNames.ProposeEventPlans), ClaudeApi.VersionHeader);

        var error = await AssertErrorAsync(response, HttpStatusCode.BadRequest, "invalid_request_error");
        Assert.Contains("anthropic-version", error);
    }

    public static TheoryData<string, string> BadBodies => new()
    {
        { "{\"model\":", "error parsing the body" },
        { "[]", "valid dictionary" },
        { ClaudeRequests.Raw(ClaudeToolNames.ProposeEventPlans, change: r => r.Remove("model")), "model: Field required" },
        { ClaudeRequests.Raw(ClaudeToolNames.ProposeEventPlans, change: r => r.Remove("max_tokens")), "max_tokens: Field required" },
        { ClaudeRequests.Raw(ClaudeToolNames.ProposeEventPlans, change: r => r["max_tokens"] = 0), "max_tokens" },
        { ClaudeRequests.Raw(ClaudeToolNames.ProposeEventPlans, change: r => r["messages"] = new JsonArray()), "messages" },
        { ClaudeRequests.Raw(ClaudeToolNames.ProposeEventPlans, change: r => r["messages"]![0]!["role"] = "system"), "messages.0.role" },
        { ClaudeRequests.Raw(ClaudeToolNames.ProposeEventPlans, change: r => r["system"] = 3), "system" },
        { ClaudeRequests.Raw(ClaudeToolNames.ProposeEventPlans, change: r => r["tools"]![0]!.AsObject().Remove("input_schema")), "tools.0.custom.input_schema: Field required" },
        { ClaudeRequests.Raw(ClaudeToolNames.ProposeEventPlans, change: r => r["temperature"] = 0.7), "`temperature` is deprecated for this model." },
        { ClaudeRequests.Raw(ClaudeToolNames.ProposeEventPlans, change: r => r["top_p"] = 0.9), "`top_p` is deprecated for this model." },
        { ClaudeRequests.Raw(ClaudeToolNames.ProposeEventPlans, change: r => r["stream"] = true), "stream" },
        { ClaudeRequests.Raw("write_poem"), "Tool 'write_poem' not found" },
        { ClaudeRequests.Raw("write_poem", change: r => r["tools"]!.AsArray().Add(new JsonObject { ["name"] = "write_poem", ["input_schema"] = new JsonObject { ["type"] = "object" } })), "cannot answer 'write_poem'" },
        { ClaudeRequests.Raw(ClaudeToolNames.ProposeEventPlans, change: r => r.Remove("tools")), "tool_choice may only be specified while providing tools" },
    };

    [Theory]
    [MemberData(nameof(BadBodies))]
    public async Task UFR_AI_010_A_bad_request_is_400_invalid_request_error_and_counted_as_other(string body, string message)
    {
        var key = ClaudeSandbox.NewKey();

        using var response = await sandbox.PostMessageAsync(key, body);

        var error = await AssertErrorAsync(response, HttpStatusCode.BadRequest, "invalid_request_error");
        Assert.Contains(message, error);
        Assert.Equal(new ClaudeCallCounts(0, 0, 1), await sandbox.CallsAsync(key));
    }

    [Theory]
    [InlineData("error_400", HttpStatusCode.BadRequest, "invalid_request_error", false)]
    [InlineData("error_429", HttpStatusCode.TooManyRequests, "rate_limit_error", true)]
    [InlineData("error_529", (HttpStatusCode)529, "overloaded_error", true)]
    [InlineData("error_500", HttpStatusCode.InternalServerError, "api_error", false)]
    public async Task UFR_AI_010_Error_scenarios_answer_the_APIs_status_body_and_retry_after(string fault, HttpStatusCode status, string type, bool retryAfter)
    {
        var key = ClaudeSandbox.NewKey();
        await sandbox.SetScenarioAsync(key, new { trends = new { fault } });

        using var response = await sandbox.PostMessageAsync(key, ClaudeRequests.Raw(ClaudeToolNames.WriteTrendNarratives));

        await AssertErrorAsync(response, status, type);
        Assert.Equal(retryAfter, response.Headers.TryGetValues("retry-after", out var values));
        if (retryAfter)
        {
            Assert.True(int.Parse(values!.Single()) > 0);
        }
    }

    [Fact]
    public async Task UFR_AI_010_Malformed_json_is_a_200_whose_body_is_cut_off()
    {
        var key = ClaudeSandbox.NewKey();
        await sandbox.SetScenarioAsync(key, new { trends = new { fault = "malformed_json" } });

        using var response = await sandbox.PostMessageAsync(key, ClaudeRequests.Raw(ClaudeToolNames.WriteTrendNarratives));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        Assert.StartsWith("{\"id\":\"msg_", text);
        Assert.ThrowsAny<JsonException>(() => JsonDocument.Parse(text));
    }

    [Fact]
    public async Task UFR_AI_010_Invalid_trend_input_does_not_fit_the_schema()
    {
        var key = ClaudeSandbox.NewKey();
        await sandbox.SetScenarioAsync(key, new { trends = new { fault = "invalid_input" } });

        using var response = await sandbox.PostMessageAsync(key, ClaudeRequests.Raw(ClaudeToolNames.WriteTrendNarratives));

        var input = (await ReadAsync(response)).GetProperty("content")[0].GetProperty("input");
        Assert.Equal(JsonValueKind.Number, input.GetProperty("industry").ValueKind);
        Assert.False(input.TryGetProperty("season", out _));
    }

    public static TheoryData<string> BadScenarios => new()
    {
        """{"plans":{"fault":"explode"}}""",
        """{"trends":{"fault":"missing_plan"}}""",
        """{"trends":{"fault":"wrong_budget"}}""",
        """{"plans":{"fault":"error_500","times":0}}""",
        """{"plans":{"latencyMs":-1}}""",
    };

    [Theory]
    [MemberData(nameof(BadScenarios))]
    public async Task UFR_AI_010_A_bad_scenario_is_refused_and_nothing_changes(string scenario)
    {
        var key = ClaudeSandbox.NewKey();

        using var put = await sandbox.Http.PutAsync($"/sandbox/claude/scenarios/{key}", new StringContent(scenario, System.Text.Encoding.UTF8, "application/json"));
        using var response = await sandbox.PostMessageAsync(key, ClaudeRequests.Raw(ClaudeToolNames.ProposeEventPlans));

        Assert.Equal(HttpStatusCode.BadRequest, put.StatusCode);
        AiContract.AssertValidPlans((await ReadAsync(response)).GetProperty("content")[0].GetProperty("input"));
    }

    [Fact]
    public async Task UFR_AI_010_Calls_of_an_unknown_key_are_zero()
    {
        var calls = await sandbox.Http.GetFromJsonAsync<JsonElement>($"/sandbox/claude/calls/{ClaudeSandbox.NewKey()}");

        Assert.Equal(0, calls.GetProperty("trends").GetInt32());
        Assert.Equal(0, calls.GetProperty("plans").GetInt32());
        Assert.Equal(0, calls.GetProperty("other").GetInt32());
    }

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private static async Task<string> AssertErrorAsync(HttpResponseMessage response, HttpStatusCode status, string type)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.StartsWith("req_", response.Headers.GetValues(ClaudeApi.RequestIdHeader).Single());
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("error", body.RootElement.GetProperty("type").GetString());
        Assert.Equal(type, body.RootElement.GetProperty("error").GetProperty("type").GetString());
        Assert.Equal(response.Headers.GetValues(ClaudeApi.RequestIdHeader).Single(), body.RootElement.GetProperty("request_id").GetString());
        return body.RootElement.GetProperty("error").GetProperty("message").GetString()!;
    }
}
