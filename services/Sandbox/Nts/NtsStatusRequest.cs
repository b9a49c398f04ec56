using System.Text.Json.Serialization;

namespace KtEvents.Sandbox.Nts;

/// <summary>The body of <c>POST /api/nts-businessman/v1/status</c>: up to 100 numbers, ten digits each.</summary>
public sealed record NtsStatusRequest([property: JsonPropertyName("b_no")] IReadOnlyList<string>? BusinessNumbers);
