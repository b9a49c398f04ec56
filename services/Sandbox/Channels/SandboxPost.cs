using System.Text.Json.Nodes;

namespace KtEvents.Sandbox.Channels;

/// <summary>One post a fake channel accepted: what it was sent and what it answered.</summary>
public sealed record SandboxPost(
    string Channel,
    string IdempotencyKey,
    string ExternalId,
    string? Url,
    DateTimeOffset ReceivedAt,
    JsonNode Request,
    JsonNode Response);
