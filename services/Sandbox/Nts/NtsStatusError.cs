using System.Text.Json.Serialization;

namespace KtEvents.Sandbox.Nts;

/// <summary>
/// The API's own errors, a bare <c>status_code</c>: BAD_JSON_REQUEST (400), REQUEST_DATA_MALFORMED
/// (411, b_no missing or empty), TOO_LARGE_REQUEST (413, more than 100 numbers).
/// </summary>
public sealed record NtsStatusError([property: JsonPropertyName("status_code")] string StatusCode)
{
    public static readonly NtsStatusError BadJson = new("BAD_JSON_REQUEST");
    public static readonly NtsStatusError Malformed = new("REQUEST_DATA_MALFORMED");
    public static readonly NtsStatusError TooLarge = new("TOO_LARGE_REQUEST");
}
