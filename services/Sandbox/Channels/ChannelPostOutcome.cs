using System.Text.Json.Nodes;

namespace KtEvents.Sandbox.Channels;

/// <summary>What <see cref="ChannelPostStore.Post"/> decided: a fault to answer with, or the (possibly replayed) answer.</summary>
public sealed record ChannelPostOutcome(bool Faulted, bool Replayed, JsonNode? Response);
