using System.Text.Json.Serialization;

namespace KtEvents.User.Infrastructure.Nts;

/// <summary>The parts of the status answer we read.</summary>
internal sealed record NtsStatusResponse(
    [property: JsonPropertyName("status_code")] string? StatusCode,
    [property: JsonPropertyName("data")] IReadOnlyList<NtsStatusEntry>? Data);
