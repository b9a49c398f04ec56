namespace KtEvents.Contracts.IntegrationEvents;

/// <summary>A channel reported how many people it showed the event to (a running total, not a delta).</summary>
[RoutingKey("distribution.exposure-reported")]
public sealed record ExposureReportedIntegrationEvent(
    Guid EventId,
    string Channel,
    long TotalExposures,
    DateTimeOffset MeasuredAt) : IntegrationEvent;
