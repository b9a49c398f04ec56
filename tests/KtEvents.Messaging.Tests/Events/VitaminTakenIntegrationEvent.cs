using KtEvents.Contracts.IntegrationEvents;

namespace KtEvents.Messaging.Tests.Events;

/// <summary>Handled fine; shares a queue with <see cref="PoisonPillIntegrationEvent"/>.</summary>
[RoutingKey("test.vitamin-taken")]
public sealed record VitaminTakenIntegrationEvent(int Number) : IntegrationEvent;
