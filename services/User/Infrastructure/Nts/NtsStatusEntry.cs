using System.Text.Json.Serialization;

namespace KtEvents.User.Infrastructure.Nts;

/// <summary>One number's status: <c>b_stt_cd</c> is "01" 계속, "02" 휴업, "03" 폐업, or "" when unknown to the 국세청.</summary>
internal sealed record NtsStatusEntry(
    [property: JsonPropertyName("b_no")] string? BusinessNumber,
    [property: JsonPropertyName("b_stt_cd")] string? StatusCode,
    [property: JsonPropertyName("tax_type")] string? TaxType);
