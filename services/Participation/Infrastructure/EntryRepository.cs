using KtEvents.Contracts.IntegrationEvents;
using KtEvents.Messaging.Outbox;
using KtEvents.Participation.Model;

using Npgsql;

namespace KtEvents.Participation.Infrastructure;

public sealed class EntryRepository(NpgsqlDataSource dataSource, IIntegrationEventOutbox outbox)
{
    /// <summary>
    /// Stores an entry with the next number of its event and its ParticipantRegistered event, in one
    /// short transaction (entries must sustain ≥ 1,000/s). Null when the phone already entered.
    /// </summary>
    /// <remarks>
    /// The counter row's lock is taken by the first statement and held to the commit, so entries of
    /// one event are numbered one after another; a duplicate fails on the unique constraint in that
    /// same statement and rolls its number back with it, which keeps numbers gap-free.
    /// </remarks>
    public async Task<EntryReceipt?> AddAsync(NewEntry entry, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var entryId = Guid.CreateVersion7();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            """
            WITH next AS (
                UPDATE entry_counters SET last_number = last_number + 1 WHERE event_id = $1 RETURNING last_number
            )
            INSERT INTO entries (entry_id, event_id, entry_number, name, phone, channel,
                                 privacy_consent, marketing_consent, consent_version, consented_at, entered_at)
            SELECT $2, $1, next.last_number, $3, $4, $5, true, $6, $7, $8, $8 FROM next
            RETURNING entry_number
            """,
            connection,
            transaction)
        {
            Parameters =
            {
                new() { Value = entry.EventId },
                new() { Value = entryId },
                new() { Value = entry.Name },
                new() { Value = entry.Phone },
                new() { Value = (object?)entry.Channel ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text },
                new() { Value = entry.MarketingConsent },
                new() { Value = entry.ConsentVersion },
                new() { Value = now },
            },
        };

        long sequence;
        try
        {
            sequence = await command.ExecuteScalarAsync(cancellationToken) as long?
                ?? throw new InvalidOperationException($"Event {entry.EventId} has no entry counter.");
        }
        catch (PostgresException ex) when (ex is { SqlState: PostgresErrorCodes.UniqueViolation, ConstraintName: "entries_one_per_phone" })
        {
            return null;
        }

        var receipt = new EntryReceipt(entryId, sequence, now);
        await outbox.AddAsync(
            new ParticipantRegisteredIntegrationEvent(entry.EventId, receipt.EntryNumber, entry.Channel, now),
            transaction,
            cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return receipt;
    }

    /// <summary>A page of an event's entries in number order; the total comes from the counter, not a COUNT.</summary>
    public async Task<EntryPage> ListAsync(Guid eventId, int page, int pageSize, CancellationToken cancellationToken)
    {
        await using var batch = dataSource.CreateBatch();
        batch.BatchCommands.Add(new NpgsqlBatchCommand("SELECT last_number FROM entry_counters WHERE event_id = $1")
        {
            Parameters = { new() { Value = eventId } },
        });
        batch.BatchCommands.Add(new NpgsqlBatchCommand(
            """
            SELECT entry_number, name, phone, channel, entered_at, winner
            FROM entries WHERE event_id = $1
            ORDER BY entry_number
            OFFSET $2 LIMIT $3
            """)
        {
            Parameters =
            {
                new() { Value = eventId },
                new() { Value = (long)(page - 1) * pageSize },
                new() { Value = pageSize },
            },
        });

        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        var total = await reader.ReadAsync(cancellationToken) ? reader.GetInt64(0) : 0;
        await reader.NextResultAsync(cancellationToken);
        var entries = new List<EntryListItem>(pageSize);
        while (await reader.ReadAsync(cancellationToken))
        {
            entries.Add(new EntryListItem(
                reader.GetInt64(0),
                reader.GetString(1),
                reader.GetString(2),
                await reader.IsDBNullAsync(3, cancellationToken) ? null : reader.GetString(3),
                reader.GetFieldValue<DateTimeOffset>(4),
                reader.GetBoolean(5)));
        }
        return new EntryPage(entries, total);
    }
}
