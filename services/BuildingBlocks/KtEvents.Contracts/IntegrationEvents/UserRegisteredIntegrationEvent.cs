namespace KtEvents.Contracts.IntegrationEvents;

/// <summary>An owner signed up with their store (UFR-USER-010). No personal data: ids and the industry only.</summary>
[RoutingKey("user.user-registered")]
public sealed record UserRegisteredIntegrationEvent(Guid UserId, Guid StoreId, string Industry) : IntegrationEvent;
