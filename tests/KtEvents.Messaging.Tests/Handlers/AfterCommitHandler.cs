using System.Collections.Concurrent;

using KtEvents.Messaging.EventBus;
using KtEvents.Messaging.Tests.Events;

using Npgsql;

namespace KtEvents.Messaging.Tests.Handlers;

/// <summary>
/// Writes its row, then asks to be called back after the commit; the callback reads the row from
/// another connection, which only sees it once the transaction has committed. An event whose
/// <see cref="CallbackProbedIntegrationEvent.Fails"/> is set registers its callbacks and then throws, so they must never run.
/// </summary>
public sealed class AfterCommitHandler(IntegrationEventContext context, NpgsqlDataSource dataSource, AfterCommitProbe probe)
    : IIntegrationEventHandler<CallbackProbedIntegrationEvent>
{
    public async Task Handle(CallbackProbedIntegrationEvent @event, CancellationToken cancellationToken)
    {
        await using (var insert = new NpgsqlCommand(
            "INSERT INTO handled_events (consumer, event_id, attempt) VALUES ('after-commit', @eventId, @attempt)",
            context.Connection,
            context.Transaction))
        {
            insert.Parameters.AddWithValue("eventId", @event.Id);
            insert.Parameters.AddWithValue("attempt", context.Attempt);
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }

        context.OnCommitted(() => throw new InvalidOperationException("A failing callback must not stop the next one."));
        context.OnCommitted(async () =>
        {
            await using var count = dataSource.CreateCommand("SELECT count(*) FROM handled_events WHERE event_id = @eventId");
            count.Parameters.AddWithValue("eventId", @event.Id);
            probe.RowsSeenAfterCommit.Enqueue((@event.Id, Convert.ToInt32(await count.ExecuteScalarAsync())));
        });

        if (@event.Fails)
        {
            throw new InvalidOperationException(FailingHandler<CallbackProbedIntegrationEvent>.Failure);
        }
    }
}

/// <summary>What <see cref="AfterCommitHandler"/>'s callbacks saw: per call, the rows visible from outside.</summary>
public sealed class AfterCommitProbe
{
    public ConcurrentQueue<(Guid EventId, int Rows)> RowsSeenAfterCommit { get; } = new();
}
