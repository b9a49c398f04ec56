namespace KtEvents.Contracts.IntegrationEvents;

/// <summary>
/// Base of every integration event that crosses a service boundary over RabbitMQ.
/// Records deriving from it are named in the past tense (<c>EventApprovedIntegrationEvent</c>) and
/// carry a <see cref="RoutingKeyAttribute"/> that names their routing key on the <c>kt.events</c>
/// exchange, e.g. <c>event.approved</c>.
/// </summary>
public abstract record IntegrationEvent
{
    /// <summary>Unique per event; consumers' inboxes use it to make redelivery harmless.</summary>
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public DateTimeOffset CreationDate { get; init; } = DateTimeOffset.UtcNow;
}
