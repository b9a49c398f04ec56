using KtEvents.Contracts.IntegrationEvents;

namespace KtEvents.Messaging.Tests.Events;

/// <summary>Its handler always throws. <see cref="RetryAndDeadLetterTests"/>' own event (see <see cref="Infrastructure.TestHost"/>).</summary>
[RoutingKey("test.poison-pill-swallowed")]
public sealed record PoisonPillIntegrationEvent(string Label) : IntegrationEvent;
