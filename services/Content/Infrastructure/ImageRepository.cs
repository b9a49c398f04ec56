using KtEvents.Content.Model;
using KtEvents.Contracts.IntegrationEvents;
using KtEvents.Messaging.Outbox;

using Npgsql;

namespace KtEvents.Content.Infrastructure;

/// <summary>Images of events, always read and changed through their owner, except the public read by id.</summary>
public sealed class ImageRepository(NpgsqlDataSource dataSource, IIntegrationEventOutbox outbox)
{
    private const string Columns = "image_id, event_id, style, width, height, svg, selected";

    public async Task AddAsync(Guid ownerId, IReadOnlyList<StoredImage> images, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var batch = new NpgsqlBatch(connection);
        foreach (var image in images)
        {
            batch.BatchCommands.Add(new NpgsqlBatchCommand(
                """
                INSERT INTO images (image_id, event_id, owner_id, style, width, height, svg, selected, created_at)
                VALUES ($1, $2, $3, $4, $5, $6, $7, false, now())
                """)
            {
                Parameters =
                {
                    new() { Value = image.ImageId },
                    new() { Value = image.EventId },
                    new() { Value = ownerId },
                    new() { Value = image.Style },
                    new() { Value = image.Width },
                    new() { Value = image.Height },
                    new() { Value = image.Svg },
                },
            });
        }

        // One batch is one implicit transaction: the three styles are stored together or not at all.
        await batch.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<StoredImage?> FindAsync(Guid imageId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"SELECT {Columns} FROM images WHERE image_id = $1");
        command.Parameters.Add(new() { Value = imageId });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? Read(reader) : null;
    }

    /// <summary>
    /// Selects the owner's image of the event (and unselects the event's others) and writes
    /// ContentFinalized in the same transaction. Null when the owner has no such image.
    /// </summary>
    public async Task<StoredImage?> SelectAsync(Guid ownerId, Guid eventId, Guid imageId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        // Two selections of one event at once take turns, so the one-selected-image index never trips.
        await using (var lockEvent = new NpgsqlCommand("SELECT 1 FROM images WHERE event_id = $1 AND owner_id = $2 FOR UPDATE", connection, transaction))
        {
            lockEvent.Parameters.Add(new() { Value = eventId });
            lockEvent.Parameters.Add(new() { Value = ownerId });
            await lockEvent.ExecuteNonQueryAsync(cancellationToken);
        }

        await using (var unselect = new NpgsqlCommand(
            "UPDATE images SET selected = false WHERE event_id = $1 AND owner_id = $2 AND selected AND image_id <> $3", connection, transaction))
        {
            unselect.Parameters.Add(new() { Value = eventId });
            unselect.Parameters.Add(new() { Value = ownerId });
            unselect.Parameters.Add(new() { Value = imageId });
            await unselect.ExecuteNonQueryAsync(cancellationToken);
        }

        StoredImage? selected;
        await using (var select = new NpgsqlCommand(
            $"UPDATE images SET selected = true WHERE image_id = $1 AND event_id = $2 AND owner_id = $3 RETURNING {Columns}", connection, transaction))
        {
            select.Parameters.Add(new() { Value = imageId });
            select.Parameters.Add(new() { Value = eventId });
            select.Parameters.Add(new() { Value = ownerId });
            await using var reader = await select.ExecuteReaderAsync(cancellationToken);
            selected = await reader.ReadAsync(cancellationToken) ? Read(reader) : null;
        }

        if (selected is null)
        {
            await transaction.RollbackAsync(cancellationToken);
            return null;
        }

        await outbox.AddAsync(new ContentFinalizedIntegrationEvent(eventId, imageId, selected.Style), transaction, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return selected;
    }

    private static StoredImage Read(NpgsqlDataReader reader) => new(
        reader.GetGuid(0), reader.GetGuid(1), reader.GetString(2), reader.GetInt32(3), reader.GetInt32(4), reader.GetString(5), reader.GetBoolean(6));
}
