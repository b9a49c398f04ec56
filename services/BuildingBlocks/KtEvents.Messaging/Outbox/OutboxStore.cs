using System.Text;

using Npgsql;

namespace KtEvents.Messaging.Outbox;

/// <summary>The relay's SQL against <c>kt_outbox</c> (and the inbox clean-up, which runs beside it).</summary>
internal static class OutboxStore
{
    private const int MaxErrorLength = 2000;

    /// <summary>
    /// Locks up to <paramref name="limit"/> pending rows, oldest first, for the caller's transaction.
    /// SKIP LOCKED lets another replica's relay take the next rows instead of waiting for, and then
    /// re-publishing, these.
    /// </summary>
    public static async Task<IReadOnlyList<OutboxMessage>> ClaimPendingAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, int limit, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            """
            SELECT sequence, event_id, routing_key, body::text, traceparent, tracestate, created_at
            FROM kt_outbox
            WHERE published_at IS NULL
            ORDER BY sequence
            LIMIT @limit
            FOR UPDATE SKIP LOCKED
            """,
            connection,
            transaction);
        command.Parameters.AddWithValue("limit", limit);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var messages = new List<OutboxMessage>();
        while (await reader.ReadAsync(cancellationToken))
        {
            messages.Add(new OutboxMessage(
                reader.GetInt64(0),
                reader.GetGuid(1),
                reader.GetString(2),
                Encoding.UTF8.GetBytes(reader.GetString(3)),
                reader.IsDBNull(4) ? null : reader.GetString(4),
                reader.IsDBNull(5) ? null : reader.GetString(5),
                reader.GetFieldValue<DateTimeOffset>(6)));
        }
        return messages;
    }

    public static async Task MarkPublishedAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<long> sequences, CancellationToken cancellationToken)
    {
        if (sequences.Count == 0)
        {
            return;
        }
        await using var command = new NpgsqlCommand(
            "UPDATE kt_outbox SET published_at = now(), attempts = attempts + 1 WHERE sequence = ANY(@sequences)",
            connection,
            transaction);
        command.Parameters.AddWithValue("sequences", sequences.ToArray());
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Keeps the last failure on the row, so an operator can see why it is stuck.</summary>
    public static async Task RecordFailureAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, long sequence, Exception failure, CancellationToken cancellationToken)
    {
        var error = $"{failure.GetType().Name}: {failure.Message}";
        await using var command = new NpgsqlCommand(
            "UPDATE kt_outbox SET attempts = attempts + 1, last_error = @error WHERE sequence = @sequence",
            connection,
            transaction);
        command.Parameters.AddWithValue("error", error.Length > MaxErrorLength ? error[..MaxErrorLength] : error);
        command.Parameters.AddWithValue("sequence", sequence);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Deletes published outbox rows and inbox rows older than their retention.</summary>
    public static async Task<(int Outbox, int Inbox)> DeleteExpiredAsync(
        NpgsqlDataSource dataSource, TimeSpan outboxRetention, TimeSpan inboxRetention, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var outbox = new NpgsqlCommand(
            "DELETE FROM kt_outbox WHERE published_at < now() - @retention", connection);
        outbox.Parameters.AddWithValue("retention", outboxRetention);
        var outboxDeleted = await outbox.ExecuteNonQueryAsync(cancellationToken);
        await using var inbox = new NpgsqlCommand(
            "DELETE FROM kt_inbox WHERE handled_at < now() - @retention", connection);
        inbox.Parameters.AddWithValue("retention", inboxRetention);
        return (outboxDeleted, await inbox.ExecuteNonQueryAsync(cancellationToken));
    }
}
