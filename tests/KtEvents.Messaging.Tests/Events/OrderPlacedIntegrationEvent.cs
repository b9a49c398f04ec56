using KtEvents.Contracts.IntegrationEvents;

namespace KtEvents.Messaging.Tests.Events;

[RoutingKey("test.order-placed")]
public sealed record OrderPlacedIntegrationEvent(Guid OrderId, string CustomerName) : IntegrationEvent;
