using KtEvents.Contracts.IntegrationEvents;
using KtEvents.Messaging.Outbox;

using Npgsql;

namespace KtEvents.Messaging.EventBus;

/// <summary>
/// <see cref="IEventBus"/> through the outbox: unlike publishing straight to the broker, an event
/// accepted here survives a broker outage and a crash, and reaches the broker with confirms.
/// </summary>
internal sealed class OutboxEventBus(NpgsqlDataSource dataSource, IIntegrationEventOutbox outbox) : IEventBus
{
    public async Task PublishAsync(IntegrationEvent @event, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await outbox.AddAsync(@event, transaction, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }
}
