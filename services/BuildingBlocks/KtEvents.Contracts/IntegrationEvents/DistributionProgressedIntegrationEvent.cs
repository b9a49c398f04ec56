namespace KtEvents.Contracts.IntegrationEvents;

/// <summary>A channel of an event changed state (UFR-DIST-020). <see cref="State"/> is pending, running, succeeded, failed or cancelled.</summary>
[RoutingKey("distribution.distribution-progressed")]
public sealed record DistributionProgressedIntegrationEvent(
    Guid EventId,
    Guid OwnerId,
    string Channel,
    string State,
    int Attempt,
    string? ExternalId,
    string? PostUrl,
    string? ErrorMessage) : IntegrationEvent;
