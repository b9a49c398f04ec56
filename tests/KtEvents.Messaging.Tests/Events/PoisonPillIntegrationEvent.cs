using KtEvents.Contracts.IntegrationEvents;

namespace KtEvents.Messaging.Tests.Events;

/// <summary>Its handler always throws.</summary>
[RoutingKey("test.poison-pill-swallowed")]
public sealed record PoisonPillIntegrationEvent(string Label) : IntegrationEvent;
