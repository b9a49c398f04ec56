using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace KtEvents.Sandbox.Claude;

/// <summary>
/// Checks a Messages request body the way the real API does, as far as the Ai service can get it
/// wrong, and answers with the message of the API's <c>invalid_request_error</c> when it is not valid.
/// </summary>
public static partial class MessagesRequestParser
{
    // Current models (Claude Opus 4.7 and later) answer 400 to any sampling parameter; the double
    // is stricter and rejects them for every model, so that the Ai service never depends on them.
    private static readonly string[] RemovedSamplingParameters = ["temperature", "top_p", "top_k"];

    /// <summary>Parses <paramref name="body"/>; on failure <paramref name="error"/> is the API's message.</summary>
    public static bool TryParse(JsonNode? body, out MessagesRequest request, out string error)
    {
        request = null!;
        error = Parse(body, out var parsed) ?? string.Empty;
        if (parsed is null)
        {
            return false;
        }

        request = parsed;
        return true;
    }

    private static string? Parse(JsonNode? body, out MessagesRequest? request)
    {
        request = null;
        if (body is not JsonObject root)
        {
            return "Input should be a valid dictionary";
        }

        if (!TryString(root["model"], out var model) || model.Length == 0)
        {
            return "model: Field required";
        }

        if (root["max_tokens"] is null)
        {
            return "max_tokens: Field required";
        }

        if (!TryInt(root["max_tokens"], out var maxTokens) || maxTokens < 1)
        {
            return "max_tokens: Input should be greater than or equal to 1";
        }

        if (root["stream"] is JsonValue stream && stream.TryGetValue(out bool streaming) && streaming)
        {
            return "stream: the sandbox's Claude double answers non-streaming requests only (IChatClient.GetResponseAsync does not stream)";
        }

        foreach (var parameter in RemovedSamplingParameters)
        {
            if (root[parameter] is not null)
            {
                return $"`{parameter}` is deprecated for this model.";
            }
        }

        if (CheckSystem(root["system"]) is { } systemError)
        {
            return systemError;
        }

        var userText = new StringBuilder();
        if (CheckMessages(root["messages"], userText) is { } messagesError)
        {
            return messagesError;
        }

        if (CheckTools(root["tools"], out var toolNames) is { } toolsError)
        {
            return toolsError;
        }

        if (ChooseTool(root["tool_choice"], toolNames, out var tool) is { } choiceError)
        {
            return choiceError;
        }

        request = new MessagesRequest(model, maxTokens, tool, userText.ToString());
        return null;
    }

    private static string? CheckSystem(JsonNode? system)
    {
        switch (system)
        {
            case null:
            case JsonValue when TryString(system, out _):
                return null;
            case JsonArray blocks:
                for (var i = 0; i < blocks.Count; i++)
                {
                    if (blocks[i] is not JsonObject block || !TryString(block["type"], out var type) || type != "text" || !TryString(block["text"], out _))
                    {
                        return $"system.{i}: Input should be a text block with a string 'text'";
                    }
                }

                return null;
            default:
                return "system: Input should be a valid string or a list of text blocks";
        }
    }

    private static string? CheckMessages(JsonNode? messages, StringBuilder userText)
    {
        if (messages is null)
        {
            return "messages: Field required";
        }

        if (messages is not JsonArray list)
        {
            return "messages: Input should be a valid list";
        }

        if (list.Count == 0)
        {
            return "messages: at least one message is required";
        }

        for (var i = 0; i < list.Count; i++)
        {
            if (list[i] is not JsonObject message)
            {
                return $"messages.{i}: Input should be a valid dictionary";
            }

            if (!TryString(message["role"], out var role) || role is not ("user" or "assistant"))
            {
                return $"messages.{i}.role: Input should be 'user' or 'assistant'";
            }

            switch (message["content"])
            {
                case JsonValue content when TryString(content, out var text):
                    if (role == "user")
                    {
                        userText.AppendLine(text);
                    }

                    break;
                case JsonArray blocks:
                    for (var j = 0; j < blocks.Count; j++)
                    {
                        if (blocks[j] is not JsonObject block || !TryString(block["type"], out var type))
                        {
                            return $"messages.{i}.content.{j}.type: Field required";
                        }

                        if (type == "text" && TryString(block["text"], out var blockText) && role == "user")
                        {
                            userText.AppendLine(blockText);
                        }
                    }

                    break;
                default:
                    return $"messages.{i}.content: Input should be a valid string or a list of content blocks";
            }
        }

        return null;
    }

    private static string? CheckTools(JsonNode? tools, out List<string> names)
    {
        names = [];
        if (tools is null)
        {
            return null;
        }

        if (tools is not JsonArray list)
        {
            return "tools: Input should be a valid list";
        }

        for (var i = 0; i < list.Count; i++)
        {
            if (list[i] is not JsonObject tool)
            {
                return $"tools.{i}: Input should be a valid dictionary";
            }

            if (!TryString(tool["name"], out var name) || !ToolName().IsMatch(name))
            {
                return $"tools.{i}.name: String should match pattern '^[a-zA-Z0-9_-]{{1,128}}$'";
            }

            // Server tools (web search and the like) carry a versioned type and no schema.
            var isCustom = tool["type"] is null || (TryString(tool["type"], out var type) && type == "custom");
            if (!isCustom)
            {
                continue;
            }

            if (tool["input_schema"] is not JsonObject schema)
            {
                return $"tools.{i}.custom.input_schema: Field required";
            }

            if (!TryString(schema["type"], out var schemaType) || schemaType != "object")
            {
                return $"tools.{i}.custom.input_schema.type: Input should be 'object'";
            }

            if (names.Contains(name))
            {
                return "tools: Tool names must be unique.";
            }

            names.Add(name);
        }

        return null;
    }

    private static string? ChooseTool(JsonNode? toolChoice, List<string> toolNames, out ClaudeTool tool)
    {
        tool = ClaudeTool.Other;
        var known = toolNames.Select(ClaudeToolNames.Find).FirstOrDefault(found => found is not null);
        if (toolChoice is null)
        {
            tool = known ?? ClaudeTool.Other;
            return null;
        }

        if (toolChoice is not JsonObject choice || !TryString(choice["type"], out var type))
        {
            return "tool_choice.type: Field required";
        }

        if (toolNames.Count == 0 && type != "none")
        {
            return "tool_choice may only be specified while providing tools.";
        }

        switch (type)
        {
            case "none":
                return null;
            case "auto":
                tool = known ?? ClaudeTool.Other;
                return null;
            case "any":
                if (known is null)
                {
                    return UnknownToolMessage(string.Join(", ", toolNames));
                }

                tool = known.Value;
                return null;
            case "tool":
                if (!TryString(choice["name"], out var name))
                {
                    return "tool_choice.tool.name: Field required";
                }

                if (!toolNames.Contains(name))
                {
                    return $"tool_choice.tool.name: Tool '{name}' not found in provided tools";
                }

                if (ClaudeToolNames.Find(name) is not { } forced)
                {
                    return UnknownToolMessage(name);
                }

                tool = forced;
                return null;
            default:
                return "tool_choice.type: Input should be 'auto', 'any', 'tool' or 'none'";
        }
    }

    private static string UnknownToolMessage(string name) =>
        $"tool_choice: the sandbox's Claude double cannot answer '{name}'; it knows {ClaudeToolNames.WriteTrendNarratives} and {ClaudeToolNames.ProposeEventPlans}";

    private static bool TryString(JsonNode? node, out string value)
    {
        if (node is JsonValue json && json.GetValueKind() == JsonValueKind.String)
        {
            value = json.GetValue<string>();
            return true;
        }

        value = string.Empty;
        return false;
    }

    private static bool TryInt(JsonNode? node, out int value)
    {
        value = 0;
        return node is JsonValue json && json.GetValueKind() == JsonValueKind.Number && json.TryGetValue(out value);
    }

    [GeneratedRegex("^[a-zA-Z0-9_-]{1,128}$")]
    private static partial Regex ToolName();
}
