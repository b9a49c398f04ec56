using System.Text.Json.Nodes;

namespace KtEvents.Distribution.Channels;

/// <summary>A channel accepted the post: its id for it, where it can be seen, and the exposure it expects, when it says.</summary>
public sealed record ChannelPostResult(string ExternalId, string? PostUrl, long? Exposure, JsonNode? Details = null);
