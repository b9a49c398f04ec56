using System.Text.Json;
using System.Text.Json.Nodes;

namespace KtEvents.Sandbox.Channels;

/// <summary>What every fake channel does around its own rules: the idempotency key, input errors, faults and the record.</summary>
public static class ChannelEndpoint
{
    public const string IdempotencyKeyHeader = "Idempotency-Key";
    public const string ReplayedHeader = "Idempotent-Replayed";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static IResult Post<TRequest>(
        HttpContext http,
        ChannelPostStore store,
        string channel,
        TRequest? request,
        Func<TRequest, Dictionary<string, string[]>> validate,
        Func<TRequest, SandboxPostDraft> accept,
        int createdStatus = StatusCodes.Status200OK)
        where TRequest : class
    {
        var key = http.Request.Headers[IdempotencyKeyHeader].ToString();
        if (key.Length is 0 or > 200)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status400BadRequest,
                title: "missing_idempotency_key",
                detail: $"Send an {IdempotencyKeyHeader} header (1 to 200 characters) so that retries never post twice.");
        }

        if (request is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "invalid_request", detail: "The body must be a JSON object.");
        }

        var errors = validate(request);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "invalid_request");
        }

        var outcome = store.Post(channel, key, JsonSerializer.SerializeToNode(request, Json) ?? new JsonObject(), () => accept(request));
        if (outcome.Faulted)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status503ServiceUnavailable,
                title: "temporarily_unavailable",
                detail: $"{channel} is unavailable (injected fault).");
        }

        if (outcome.Replayed)
        {
            http.Response.Headers[ReplayedHeader] = "true";
            return TypedResults.Json(outcome.Response, statusCode: StatusCodes.Status200OK);
        }

        return TypedResults.Json(outcome.Response, statusCode: createdStatus);
    }

    /// <summary>Adds <paramref name="message"/> under <paramref name="field"/> when <paramref name="failed"/>.</summary>
    public static void Check(this Dictionary<string, string[]> errors, bool failed, string field, string message)
    {
        if (failed)
        {
            errors[field] = errors.TryGetValue(field, out var existing) ? [.. existing, message] : [message];
        }
    }
}
