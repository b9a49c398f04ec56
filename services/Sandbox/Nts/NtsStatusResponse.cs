using System.Text.Json.Serialization;

namespace KtEvents.Sandbox.Nts;

/// <summary>The status answer: <c>status_code</c> "OK", how many were asked and found, and one entry per number in request order.</summary>
public sealed record NtsStatusResponse(
    [property: JsonPropertyName("status_code")] string StatusCode,
    [property: JsonPropertyName("request_cnt")] int RequestCount,
    [property: JsonPropertyName("match_cnt")] int MatchCount,
    [property: JsonPropertyName("data")] IReadOnlyList<NtsBusinessStatus> Data);
