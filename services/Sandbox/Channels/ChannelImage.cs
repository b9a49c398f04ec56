using System.Text.Json.Serialization;

namespace KtEvents.Sandbox.Channels;

/// <summary>An image sent inline with a post: its media type and its bytes in base64.</summary>
public sealed record ChannelImage(
    [property: JsonPropertyName("content_type")] string? ContentType,
    [property: JsonPropertyName("data")] string? Data)
{
    public static readonly string[] AcceptedTypes = ["image/svg+xml", "image/png", "image/jpeg"];

    /// <summary>Null when the image is usable, else why not.</summary>
    public string? Problem()
    {
        if (ContentType is null || !AcceptedTypes.Contains(ContentType))
        {
            return $"content_type must be one of {string.Join(", ", AcceptedTypes)}.";
        }

        var buffer = new byte[((Data?.Length ?? 0) * 3 / 4) + 3];
        return string.IsNullOrEmpty(Data) || !Convert.TryFromBase64String(Data, buffer, out var length) || length == 0
            ? "data must be the image in base64."
            : null;
    }
}
