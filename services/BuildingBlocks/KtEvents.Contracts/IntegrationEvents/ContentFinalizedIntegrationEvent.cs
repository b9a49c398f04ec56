namespace KtEvents.Contracts.IntegrationEvents;

/// <summary>The owner chose the image of an event (UFR-CONT-010).</summary>
[RoutingKey("content.content-finalized")]
public sealed record ContentFinalizedIntegrationEvent(Guid EventId, Guid ImageId, string Style) : IntegrationEvent;
