using System.Text.Json.Nodes;

namespace KtEvents.Sandbox.Channels;

/// <summary>A post a fake channel is about to accept: its id, its public address if any, and the answer to send.</summary>
public sealed record SandboxPostDraft(string ExternalId, string? Url, JsonNode Response);
