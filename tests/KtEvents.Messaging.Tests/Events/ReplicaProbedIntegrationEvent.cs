using KtEvents.Contracts.IntegrationEvents;

namespace KtEvents.Messaging.Tests.Events;

[RoutingKey("test.replica-probed")]
public sealed record ReplicaProbedIntegrationEvent(int Number) : IntegrationEvent;
