using KtEvents.Contracts.IntegrationEvents;

using Npgsql;

namespace KtEvents.Messaging.Outbox;

/// <summary>
/// The transactional outbox (eShop's <c>IIntegrationEventLogService.SaveEventAsync</c>, with a relay
/// that never gives up). Write the event in the transaction that makes the change it describes:
/// <code>
/// await using var tx = await connection.BeginTransactionAsync(ct);
/// … INSERT the entry …
/// await outbox.AddAsync(new ParticipantRegisteredIntegrationEvent(…), tx, ct);
/// await tx.CommitAsync(ct);   // both or neither; the relay is woken by the commit
/// </code>
/// A rolled-back transaction leaves no row, so nothing is published.
/// </summary>
public interface IIntegrationEventOutbox
{
    Task AddAsync(IntegrationEvent @event, NpgsqlTransaction transaction, CancellationToken cancellationToken = default);
}
