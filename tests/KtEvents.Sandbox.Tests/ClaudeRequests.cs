using System.Text.Json;
using System.Text.Json.Nodes;

using KtEvents.Sandbox.Claude;

using Microsoft.Extensions.AI;

namespace KtEvents.Sandbox.Tests;

/// <summary>The two calls of the contract with the Ai service, as raw bodies and as IChatClient options.</summary>
public static class ClaudeRequests
{
    public const string Model = "claude-sonnet-4-5";

    private static readonly JsonElement TrendsSchema = JsonDocument.Parse("""
        {"type":"object","properties":{"industry":{"type":"string"},"region":{"type":"string"},"season":{"type":"string"}},
         "required":["industry","region","season"]}
        """).RootElement.Clone();

    private static readonly JsonElement PlansSchema = JsonDocument.Parse("""
        {"type":"object","properties":{"plans":{"type":"array","items":{"type":"object"}}},"required":["plans"]}
        """).RootElement.Clone();

    public static ChatOptions Forced(string tool) => new()
    {
        MaxOutputTokens = 4096,
        Tools =
        [
            AIFunctionFactory.CreateDeclaration(ClaudeToolNames.WriteTrendNarratives, "업종·지역·시즌 트렌드 서술", TrendsSchema),
            AIFunctionFactory.CreateDeclaration(ClaudeToolNames.ProposeEventPlans, "여섯 가지 이벤트 기획안", PlansSchema),
        ],
        ToolMode = ChatToolMode.RequireSpecific(tool),
    };

    public static ChatMessage[] Ask(string text) =>
    [
        new(ChatRole.System, "당신은 소상공인 이벤트 기획자입니다."),
        new(ChatRole.User, text),
    ];

    /// <summary>A raw Messages body forcing <paramref name="tool"/>; <paramref name="change"/> edits it before it is sent.</summary>
    public static string Raw(string tool, string userText = "서울 카페 겨울 이벤트", Action<JsonObject>? change = null)
    {
        var body = new JsonObject
        {
            ["model"] = Model,
            ["max_tokens"] = 4096,
            ["system"] = "당신은 소상공인 이벤트 기획자입니다.",
            ["messages"] = new JsonArray(new JsonObject { ["role"] = "user", ["content"] = userText }),
            ["tools"] = new JsonArray(
                new JsonObject { ["name"] = ClaudeToolNames.WriteTrendNarratives, ["input_schema"] = JsonNode.Parse(TrendsSchema.GetRawText()) },
                new JsonObject { ["name"] = ClaudeToolNames.ProposeEventPlans, ["input_schema"] = JsonNode.Parse(PlansSchema.GetRawText()) }),
            ["tool_choice"] = new JsonObject { ["type"] = "tool", ["name"] = tool },
        };
        change?.Invoke(body);
        return body.ToJsonString();
    }
}
