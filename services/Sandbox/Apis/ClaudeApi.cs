// Anthropic's Messages API (https://docs.anthropic.com/en/api/messages), faked over HTTP/1.1 JSON
// in its real wire format, so that the official Anthropic .NET SDK (and Microsoft.Extensions.AI's
// IChatClient over it) works against the sandbox by changing only its base URL (UFR-AI-010).
//
//   POST /v1/messages   x-api-key: <any non-empty key>   anthropic-version: 2023-06-01
//   (the SDK 13.x sends its ApiKey as Authorization: Bearer <key> and anthropic-version 2026-10-21;
//   both forms are accepted, and the key, either way, is what scenarios and counts are keyed by)
//   {"model":"claude-…","max_tokens":4096,"system":"…" | [{"type":"text","text":"…"}],
//    "messages":[{"role":"user","content":"…" | [{"type":"text","text":"…"}]}],
//    "tools":[{"name":"propose_event_plans","input_schema":{"type":"object",…}}],
//    "tool_choice":{"type":"tool","name":"propose_event_plans"}}
//   200 {"id":"msg_01…","type":"message","role":"assistant","model":"claude-…",
//        "content":[{"type":"tool_use","id":"toolu_01…","name":"propose_event_plans","input":{"plans":[…]}}],
//        "stop_reason":"tool_use","stop_sequence":null,"usage":{"input_tokens":…,"output_tokens":…,…}}
//   Every answer has a request-id: req_01… header.
//
// What it answers: a forced (or, with auto/any, the first known) tool among write_trend_narratives
// and propose_event_plans gets a tool_use block with a deterministic, valid Korean input varied by
// the industry, region and season words in the users' text (Claude/RequestTopic.cs); no tools (or
// tool_choice none) gets a short Korean text block with stop_reason end_turn. Output tokens are
// estimated at content characters / 2; an answer that does not fit max_tokens stops with
// stop_reason max_tokens (an unfinished tool_use keeps an empty input), so send max_tokens ≥ 4096.
//
// Errors, as {"type":"error","error":{"type":…,"message":…},"request_id":"req_…"}:
//   401 authentication_error   no key (x-api-key and Authorization: Bearer both missing or empty)
//   400 invalid_request_error  anthropic-version missing; a body that is not JSON; missing model,
//                              max_tokens or messages; a malformed system, message, tool or
//                              tool_choice; a forced tool not in tools or unknown to the double;
//                              "stream": true (GetResponseAsync never streams, so the double does
//                              not either); temperature, top_p or top_k — Claude Opus 4.7 and later
//                              reject sampling parameters with "`temperature` is deprecated for this
//                              model."; the double does so for every model, so the Ai service never
//                              comes to depend on them.
//   429 rate_limit_error, 529 overloaded_error (both with retry-after: 1), 500 api_error: by scenario.
//
// Scenarios, per API key so that parallel tests never interfere (Claude/ClaudeScenarioStore.cs):
//   PUT    /sandbox/claude/scenarios/{apiKey}
//          {"trends":{"latencyMs":3000,"fault":"none"},"plans":{"latencyMs":6000,"fault":"missing_plan","times":1}}
//          trends = write_trend_narratives, plans = propose_event_plans; latencyMs (absent: the configured
//          default), fault (absent: none), times = how many calls get the fault before normal answers
//          (absent: every call). Faults: none, malformed_json (200 with a body cut mid-JSON),
//          invalid_input (tool input off the schema), missing_plan (five plans), wrong_budget (one cost
//          outside its band), error_400, error_429, error_529, error_500, hang (no answer until the
//          client goes away, or the connection is dropped after 120 s). 204; 400 on a bad scenario.
//   DELETE /sandbox/claude/scenarios/{apiKey}   forgets the key's scenario and counts. 204.
//   GET    /sandbox/claude/calls/{apiKey}       {"trends":n,"plans":n,"other":n} Messages calls received.
// A key without a scenario answers without fault after Sandbox:Claude:TrendsLatencyMs /
// Sandbox:Claude:PlansLatencyMs (0 by default). Latency is a Task.Delay on the request's abort token.
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

using KtEvents.Sandbox.Claude;

namespace KtEvents.Sandbox.Apis;

/// <summary>The Claude test double: Anthropic's Messages API and its scenario controls (see the file header).</summary>
public static class ClaudeApi
{
    public const string MessagesPath = "/v1/messages";
    public const string ApiKeyHeader = "x-api-key";
    public const string VersionHeader = "anthropic-version";
    public const string RequestIdHeader = "request-id";
    public const int RetryAfterSeconds = 1;

    /// <summary>How long a <c>hang</c> holds a request before dropping the connection, so nothing leaks.</summary>
    public static readonly TimeSpan HangLimit = TimeSpan.FromSeconds(120);

    public static IEndpointRouteBuilder MapClaudeApi(this IEndpointRouteBuilder app)
    {
        app.MapPost(MessagesPath, CreateMessageAsync).WithTags("Claude");

        var sandbox = app.MapGroup("/sandbox/claude").WithTags("Sandbox");
        sandbox.MapPut("/scenarios/{apiKey}", SetScenario);
        sandbox.MapDelete("/scenarios/{apiKey}", (string apiKey, ClaudeScenarioStore store, ILoggerFactory logs) =>
        {
            store.Reset(apiKey);
            ClaudeLog.Scenario(Logger(logs), ClaudeLog.KeyEnd(apiKey), "reset");
            return TypedResults.NoContent();
        });
        sandbox.MapGet("/calls/{apiKey}", (string apiKey, ClaudeScenarioStore store) => TypedResults.Ok(store.Calls(apiKey)));
        return app;
    }

    private static async Task<IResult> CreateMessageAsync(HttpContext http, ClaudeScenarioStore store, ILoggerFactory logs)
    {
        var logger = Logger(logs);
        var requestId = AnthropicIds.Request();
        http.Response.Headers[RequestIdHeader] = requestId;
        var cancellationToken = http.RequestAborted;

        var apiKey = ApiKeyOf(http.Request);
        if (string.IsNullOrWhiteSpace(apiKey))
        {
            ClaudeLog.Rejected(logger, "****", "no x-api-key");
            return Error(http, AnthropicErrorType.Authentication, "x-api-key header is required", requestId);
        }

        var keyEnd = ClaudeLog.KeyEnd(apiKey);
        if (string.IsNullOrWhiteSpace(http.Request.Headers[VersionHeader].ToString()))
        {
            store.Receive(apiKey, ClaudeTool.Other);
            ClaudeLog.Rejected(logger, keyEnd, "no anthropic-version");
            return Error(http, AnthropicErrorType.InvalidRequest, "anthropic-version: header is required", requestId);
        }

        using var reader = new StreamReader(http.Request.Body, Encoding.UTF8);
        var text = await reader.ReadToEndAsync(cancellationToken);
        JsonNode? body;
        try
        {
            body = JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            store.Receive(apiKey, ClaudeTool.Other);
            ClaudeLog.Rejected(logger, keyEnd, "body is not JSON");
            return Error(http, AnthropicErrorType.InvalidRequest, "There was an error parsing the body of your request: it is not valid JSON.", requestId);
        }

        if (!MessagesRequestParser.TryParse(body, out var request, out var invalid))
        {
            store.Receive(apiKey, ClaudeTool.Other);
            ClaudeLog.Rejected(logger, keyEnd, invalid);
            return Error(http, AnthropicErrorType.InvalidRequest, invalid, requestId);
        }

        var behaviour = store.Receive(apiKey, request.Tool);
        ClaudeLog.Call(logger, request.Tool, keyEnd, behaviour.Fault, behaviour.Latency.TotalMilliseconds);
        if (behaviour.Fault == ClaudeFault.Hang)
        {
            if (await DelayAsync(HangLimit, cancellationToken))
            {
                http.Abort();
            }

            return Results.Empty;
        }

        if (!await DelayAsync(behaviour.Latency, cancellationToken))
        {
            return Results.Empty;
        }

        return behaviour.Fault switch
        {
            ClaudeFault.Error400 => Error(http, AnthropicErrorType.InvalidRequest, "messages: the request was rejected (sandbox scenario error_400)", requestId),
            ClaudeFault.Error429 => Error(http, AnthropicErrorType.RateLimit, "This request would exceed your organization's rate limit. Please try again later.", requestId),
            ClaudeFault.Error529 => Error(http, AnthropicErrorType.Overloaded, "Overloaded", requestId),
            ClaudeFault.Error500 => Error(http, AnthropicErrorType.Api, "Internal server error", requestId),
            _ => Json(MessageBodies.Message(request, behaviour.Fault, text.Length), StatusCodes.Status200OK),
        };
    }

    private static IResult SetScenario(string apiKey, ClaudeScenarioRequest? scenario, ClaudeScenarioStore store, ILoggerFactory logs)
    {
        var errors = new Dictionary<string, string[]>();
        var rules = new Dictionary<ClaudeTool, ToolRule>();
        foreach (var (field, tool, given) in new[] { ("trends", ClaudeTool.Trends, scenario?.Trends), ("plans", ClaudeTool.Plans, scenario?.Plans) })
        {
            if (given is null)
            {
                continue;
            }

            if (!ClaudeFaults.TryParse(given.Fault, out var fault) || (tool == ClaudeTool.Trends && ClaudeFaults.IsPlansOnly(fault)))
            {
                errors[$"{field}.fault"] = [$"fault must be one of {string.Join(", ", ClaudeFaults.Names)} (missing_plan and wrong_budget for plans only)."];
            }

            if (given.LatencyMs is < 0 or > 600_000)
            {
                errors[$"{field}.latencyMs"] = ["latencyMs must be between 0 and 600000."];
            }

            if (given.Times is < 1)
            {
                errors[$"{field}.times"] = ["times must be at least 1 (leave it out for every call)."];
            }

            rules[tool] = new ToolRule(given.LatencyMs is { } ms ? TimeSpan.FromMilliseconds(ms) : null, fault, given.Times);
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "invalid_scenario");
        }

        store.Set(apiKey, rules);
        ClaudeLog.Scenario(Logger(logs), ClaudeLog.KeyEnd(apiKey), "set");
        return TypedResults.NoContent();
    }

    /// <summary>
    /// The caller's key: <c>x-api-key</c>, or the <c>Authorization: Bearer</c> token that the SDK
    /// (13.x) sends its <c>ApiKey</c> as.
    /// </summary>
    private static string ApiKeyOf(HttpRequest request)
    {
        var apiKey = request.Headers[ApiKeyHeader].ToString();
        if (apiKey.Length > 0)
        {
            return apiKey;
        }

        var authorization = request.Headers.Authorization.ToString();
        return authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? authorization["Bearer ".Length..].Trim() : string.Empty;
    }

    private static IResult Error(HttpContext http, string type, string message, string requestId)
    {
        if (type is AnthropicErrorType.RateLimit or AnthropicErrorType.Overloaded)
        {
            http.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return Json(MessageBodies.Error(type, message, requestId), AnthropicErrorType.StatusOf(type));
    }

    private static IResult Json(string body, int status) => Results.Text(body, "application/json", Encoding.UTF8, status);

    /// <summary>Waits without holding a thread; false when the client went away first.</summary>
    private static async Task<bool> DelayAsync(TimeSpan delay, CancellationToken cancellationToken)
    {
        if (delay <= TimeSpan.Zero)
        {
            return !cancellationToken.IsCancellationRequested;
        }

        try
        {
            await Task.Delay(delay, cancellationToken);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private static ILogger Logger(ILoggerFactory logs) => logs.CreateLogger(typeof(ClaudeApi).FullName!);
}
