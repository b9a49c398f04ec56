namespace KtEvents.Contracts.IntegrationEvents;

/// <summary>Every channel of an event reached a final state (UFR-DIST-010).</summary>
[RoutingKey("distribution.distribution-completed")]
public sealed record DistributionCompletedIntegrationEvent(
    Guid EventId,
    Guid OwnerId,
    IReadOnlyList<string> SucceededChannels,
    IReadOnlyList<string> FailedChannels) : IntegrationEvent;
