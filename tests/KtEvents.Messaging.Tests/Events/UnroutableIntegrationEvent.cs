using KtEvents.Contracts.IntegrationEvents;

namespace KtEvents.Messaging.Tests.Events;

/// <summary>Deliberately without [RoutingKey].</summary>
public sealed record UnroutableIntegrationEvent : IntegrationEvent;
