using System.Text.Json;

using Microsoft.Extensions.AI;

namespace KtEvents.Ai.Claude;

/// <summary>
/// How one Claude call went. <see cref="Outcome"/> is "ok" when the tool was called, otherwise what
/// went wrong: "no_tool_call", "malformed_response", "timeout" (the call's own limit),
/// "budget_exhausted" (the request's), "error_429", "error_529", "error_500" …, "error".
/// </summary>
public sealed record ClaudeCall(
    string Tool,
    string Outcome,
    ChatResponse? Response,
    JsonElement? Arguments,
    int InputTokens,
    int OutputTokens,
    TimeSpan Elapsed)
{
    public const string Ok = "ok";

    /// <summary>Claude answered but not usably: worth telling it what was wrong, if time remains.</summary>
    public bool Repairable => Outcome is Ok or "no_tool_call" or "malformed_response";
}
