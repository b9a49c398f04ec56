using KtEvents.Contracts.IntegrationEvents;

namespace KtEvents.Messaging.Tests.Events;

[RoutingKey("test.trace-probed")]
public sealed record TraceProbedIntegrationEvent(string Note) : IntegrationEvent;
