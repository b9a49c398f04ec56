using Npgsql;

namespace KtEvents.Messaging.Consuming;

/// <summary>The consumer's SQL against <c>kt_inbox</c>.</summary>
internal static class Inbox
{
    /// <summary>
    /// Records the message in the caller's transaction; false when it is already recorded (handled
    /// before). A concurrent delivery of the same id waits here on the row lock until the first
    /// commits (then sees the row) or rolls back (then records it itself).
    /// </summary>
    public static async Task<bool> TryRecordAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, string consumer, Guid messageId, string routingKey,
        CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            """
            INSERT INTO kt_inbox (consumer, message_id, routing_key) VALUES (@consumer, @messageId, @routingKey)
            ON CONFLICT (consumer, message_id) DO NOTHING
            """,
            connection,
            transaction);
        command.Parameters.AddWithValue("consumer", consumer);
        command.Parameters.AddWithValue("messageId", messageId);
        command.Parameters.AddWithValue("routingKey", routingKey);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }
}
