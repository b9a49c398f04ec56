using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace KtEvents.Sandbox.Claude;

/// <summary>The JSON bodies of the Messages API: a message (text or <c>tool_use</c>) and an error.</summary>
public static class MessageBodies
{
    /// <summary>snake_case like the API, and Korean as UTF-8 rather than <c>\uXXXX</c>, as the API sends it.</summary>
    public static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Error(string type, string message, string requestId) =>
        new JsonObject
        {
            ["type"] = "error",
            ["error"] = new JsonObject { ["type"] = type, ["message"] = message },
            ["request_id"] = requestId,
        }.ToJsonString(Json);

    /// <summary>
    /// The answer to <paramref name="request"/>, with <paramref name="fault"/>'s damage done to the
    /// tool input. Tokens are estimated (input: body characters / 4; output: content characters / 2,
    /// Korean being dense); when the output would exceed <c>max_tokens</c> the answer stops there with
    /// <c>stop_reason: "max_tokens"</c>, and an unfinished tool call keeps an empty input.
    /// </summary>
    public static string Message(MessagesRequest request, ClaudeFault fault, int bodyCharacters)
    {
        var topic = RequestTopic.From(request.UserText);
        JsonObject block;
        string stopReason;
        if (request.Tool == ClaudeTool.Other)
        {
            block = new JsonObject { ["type"] = "text", ["text"] = $"안녕하세요, {topic.Region} {topic.Industry} 사장님. 샌드박스의 Claude 대역이 드리는 짧은 답변입니다." };
            stopReason = "end_turn";
        }
        else
        {
            block = new JsonObject
            {
                ["type"] = "tool_use",
                ["id"] = AnthropicIds.ToolUse(),
                ["name"] = request.Tool == ClaudeTool.Trends ? ClaudeToolNames.WriteTrendNarratives : ClaudeToolNames.ProposeEventPlans,
                ["input"] = ToolInput(request.Tool, fault, topic),
            };
            stopReason = "tool_use";
        }

        var outputTokens = Math.Max(1, block.ToJsonString(Json).Length / 2);
        if (outputTokens > request.MaxTokens)
        {
            outputTokens = request.MaxTokens;
            stopReason = "max_tokens";
            if (block["text"] is JsonValue text)
            {
                var full = text.GetValue<string>();
                block["text"] = full[..Math.Min(full.Length, request.MaxTokens * 2)];
            }
            else
            {
                block["input"] = new JsonObject();
            }
        }

        var body = new JsonObject
        {
            ["id"] = AnthropicIds.Message(),
            ["type"] = "message",
            ["role"] = "assistant",
            ["model"] = request.Model,
            ["content"] = new JsonArray(block),
            ["stop_reason"] = stopReason,
            ["stop_sequence"] = null,
            ["usage"] = new JsonObject
            {
                ["input_tokens"] = Math.Max(1, bodyCharacters / 4),
                ["cache_creation_input_tokens"] = 0,
                ["cache_read_input_tokens"] = 0,
                ["output_tokens"] = outputTokens,
                ["service_tier"] = "standard",
            },
        }.ToJsonString(Json);

        // Cut mid-document, the way a dropped connection or a broken proxy leaves it.
        return fault == ClaudeFault.MalformedJson ? body[..(body.Length / 2)] : body;
    }

    private static JsonNode ToolInput(ClaudeTool tool, ClaudeFault fault, RequestTopic topic)
    {
        if (tool == ClaudeTool.Trends)
        {
            return fault == ClaudeFault.InvalidInput
                ? new JsonObject { ["industry"] = 42, ["region"] = new JsonArray("서울") }
                : JsonSerializer.SerializeToNode(TrendNarratives.For(topic), Json)!;
        }

        if (fault == ClaudeFault.InvalidInput)
        {
            return new JsonObject { ["plans"] = "이벤트 기획안을 만들지 못했습니다." };
        }

        var plans = EventPlans.For(topic).ToList();
        if (fault == ClaudeFault.MissingPlan)
        {
            plans.RemoveAt(plans.Count - 1);
        }
        else if (fault == ClaudeFault.WrongBudget)
        {
            // A low-budget plan priced like a medium one.
            plans[0] = plans[0] with { CostKrw = 900_000 };
        }

        return new JsonObject { ["plans"] = JsonSerializer.SerializeToNode(plans, Json) };
    }
}
