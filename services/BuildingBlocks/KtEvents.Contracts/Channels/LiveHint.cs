using System.Text.Json;

namespace KtEvents.Contracts.Channels;

/// <summary>
/// What a live hint says changed (see <see cref="LiveChannels"/>), and its message on the wire:
/// <c>{"type":"distribution"}</c>. The web app knows exactly these names, so the gateway reads a
/// message with <see cref="Read"/>, which turns anything else into <see cref="Event"/> (refresh all).
/// </summary>
public static class LiveHint
{
    /// <summary>The event itself (status, dates).</summary>
    public const string Event = "event";

    /// <summary>A channel's distribution status.</summary>
    public const string Distribution = "distribution";

    /// <summary>Participants or exposures.</summary>
    public const string Analytics = "analytics";

    public static string Message(string type) => type is Event or Distribution or Analytics
        ? $$"""{"type":"{{type}}"}"""
        : throw new ArgumentOutOfRangeException(nameof(type), type, "Not a live hint type.");

    public static string Read(string? message)
    {
        try
        {
            using var document = JsonDocument.Parse(message ?? "{}");
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("type", out var type)
                && type.ValueKind == JsonValueKind.String
                && type.GetString() is Distribution or Analytics or Event
                    ? type.GetString()!
                    : Event;
        }
        catch (JsonException)
        {
            return Event;
        }
    }
}
