using System.Text.Json.Serialization;

namespace KtEvents.User.Infrastructure.Nts;

/// <summary>Body of <c>POST /api/nts-businessman/v1/status</c>: ten-digit numbers without dashes.</summary>
internal sealed record NtsStatusRequest([property: JsonPropertyName("b_no")] IReadOnlyList<string> BusinessNumbers);
