namespace KtEvents.Messaging.Outbox;

/// <summary>A pending outbox row as the relay publishes it.</summary>
internal sealed record OutboxMessage(
    long Sequence,
    Guid EventId,
    string RoutingKey,
    byte[] Body,
    string? TraceParent,
    string? TraceState,
    DateTimeOffset CreatedAt);
