using KtEvents.Contracts.IntegrationEvents;

namespace KtEvents.Messaging.Tests.Events;

/// <summary>
/// Handled fine; shares a queue with <see cref="PoisonPillIntegrationEvent"/>. <see cref="RetryAndDeadLetterTests"/>'
/// own event (see <see cref="Infrastructure.TestHost"/>).
/// </summary>
[RoutingKey("test.vitamin-taken")]
public sealed record VitaminTakenIntegrationEvent(int Number) : IntegrationEvent;
