using KtEvents.Participation.Model;

using Npgsql;

namespace KtEvents.Participation.Infrastructure;

public sealed class ParticipationEventRepository(NpgsqlDataSource dataSource)
{
    private const string Columns =
        "event_id, owner_id, store_name, title, prize, participation_method, image_id, starts_at, ends_at, announce_at";

    public async Task<ParticipationEvent?> FindAsync(Guid eventId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"SELECT {Columns} FROM participation_events WHERE event_id = $1");
        command.Parameters.AddWithValue(eventId);
        return await ReadSingleAsync(command, cancellationToken);
    }

    /// <summary>The event if <paramref name="ownerId"/> owns it; another owner's is null, like a missing one.</summary>
    public async Task<ParticipationEvent?> FindOwnedAsync(Guid eventId, Guid ownerId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            $"SELECT {Columns} FROM participation_events WHERE event_id = $1 AND owner_id = $2");
        command.Parameters.AddWithValue(eventId);
        command.Parameters.AddWithValue(ownerId);
        return await ReadSingleAsync(command, cancellationToken);
    }

    /// <summary>
    /// Stores the facts and opens the entry counter, in the caller's transaction. Idempotent: a
    /// redelivered approval rewrites the same facts and leaves the counter alone.
    /// </summary>
    public static async Task SaveApprovedAsync(
        ParticipationEvent approved, int prizeQuantity, DateTimeOffset approvedAt,
        NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        await using var batch = new NpgsqlBatch(connection, transaction)
        {
            BatchCommands =
            {
                new NpgsqlBatchCommand(
                    """
                    INSERT INTO participation_events
                        (event_id, owner_id, store_name, title, prize, prize_quantity, participation_method,
                         image_id, starts_at, ends_at, announce_at, approved_at)
                    VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
                    ON CONFLICT (event_id) DO UPDATE SET
                        store_name = excluded.store_name, title = excluded.title, prize = excluded.prize,
                        prize_quantity = excluded.prize_quantity, participation_method = excluded.participation_method,
                        image_id = excluded.image_id, starts_at = excluded.starts_at, ends_at = excluded.ends_at,
                        announce_at = excluded.announce_at
                    """)
                {
                    Parameters =
                    {
                        new() { Value = approved.EventId },
                        new() { Value = approved.OwnerId },
                        new() { Value = approved.StoreName },
                        new() { Value = approved.Title },
                        new() { Value = approved.Prize },
                        new() { Value = prizeQuantity },
                        new() { Value = approved.ParticipationMethod },
                        new() { Value = approved.ImageId },
                        new() { Value = approved.StartsAt },
                        new() { Value = approved.EndsAt },
                        new() { Value = approved.AnnounceAt },
                        new() { Value = approvedAt },
                    },
                },
                new NpgsqlBatchCommand("INSERT INTO entry_counters (event_id) VALUES ($1) ON CONFLICT (event_id) DO NOTHING")
                {
                    Parameters = { new() { Value = approved.EventId } },
                },
            },
        };
        await batch.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<ParticipationEvent?> ReadSingleAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }
        return new ParticipationEvent(
            reader.GetGuid(0),
            reader.GetGuid(1),
            reader.GetString(2),
            reader.GetString(3),
            reader.GetString(4),
            reader.GetString(5),
            reader.GetGuid(6),
            reader.GetFieldValue<DateTimeOffset>(7),
            reader.GetFieldValue<DateTimeOffset>(8),
            reader.GetFieldValue<DateTimeOffset>(9));
    }
}
