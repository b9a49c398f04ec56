using KtEvents.Contracts.IntegrationEvents;

namespace KtEvents.Messaging.Tests.Events;

/// <summary><see cref="AfterCommitTests"/>' own event: its handler throws when <paramref name="Fails"/>.</summary>
[RoutingKey("test.callback-probed")]
public sealed record CallbackProbedIntegrationEvent(bool Fails) : IntegrationEvent;
