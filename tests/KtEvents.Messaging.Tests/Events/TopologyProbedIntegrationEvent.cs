using KtEvents.Contracts.IntegrationEvents;

namespace KtEvents.Messaging.Tests.Events;

[RoutingKey("test.topology-probed")]
public sealed record TopologyProbedIntegrationEvent : IntegrationEvent;
