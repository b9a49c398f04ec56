using Google.Protobuf;

using KtEvents.Contracts.Ai.V1;
using KtEvents.Contracts.Event.V1;
using KtEvents.Contracts.IntegrationEvents;
using KtEvents.Event.Model;
using KtEvents.Messaging.Outbox;

using Npgsql;

namespace KtEvents.Event.Infrastructure;

/// <summary>
/// The events table. Every read and write of an owner's event names the owner, so another owner's
/// event is indistinguishable from a missing one. Wizard writes only touch drafts: an approved event
/// cannot be changed behind Distribution's back. The end sweep and the participant count act for no
/// owner and are reached only from the service's own background work and handlers.
/// </summary>
public sealed class EventRepository(NpgsqlDataSource dataSource, IIntegrationEventOutbox outbox, TimeProvider time)
{
    private const string Columns =
        "id, owner_id, status, purpose, store, recommendation, selected_plan, image_id, channel_plan, starts_at, ends_at, approved_at, created_at, " +
        "sales_increase_krw, sales_reported_at";

    public async Task<IReadOnlyList<EventRecord>> ListAsync(Guid ownerId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            $"SELECT {Columns} FROM events WHERE owner_id = $1 ORDER BY created_at DESC LIMIT 200");
        command.Parameters.AddWithValue(ownerId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var events = new List<EventRecord>();
        while (await reader.ReadAsync(cancellationToken))
        {
            events.Add(Read(reader));
        }

        return events;
    }

    public async Task<EventRecord?> GetAsync(Guid ownerId, Guid eventId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"SELECT {Columns} FROM events WHERE id = $1 AND owner_id = $2");
        command.Parameters.AddWithValue(eventId);
        command.Parameters.AddWithValue(ownerId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? Read(reader) : null;
    }

    public async Task CreateAsync(EventRecord record, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "INSERT INTO events (id, owner_id, status, purpose, store, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $6)");
        command.Parameters.AddWithValue(record.Id);
        command.Parameters.AddWithValue(record.OwnerId);
        command.Parameters.AddWithValue(record.Status);
        command.Parameters.AddWithValue((int)record.Purpose);
        command.Parameters.AddWithValue(record.Store.ToByteArray());
        command.Parameters.AddWithValue(record.CreatedAt);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>New plans replace the old ones, and with them the pick made from the old ones.</summary>
    public Task<bool> SaveRecommendationAsync(Guid ownerId, Guid eventId, RecommendReply recommendation, CancellationToken cancellationToken) =>
        UpdateDraftAsync(ownerId, eventId, "recommendation = $3, selected_plan = NULL", recommendation.ToByteArray(), cancellationToken);

    public Task<bool> SelectPlanAsync(Guid ownerId, Guid eventId, Plan plan, CancellationToken cancellationToken) =>
        UpdateDraftAsync(ownerId, eventId, "selected_plan = $3, image_id = NULL", plan.ToByteArray(), cancellationToken);

    public Task<bool> SelectImageAsync(Guid ownerId, Guid eventId, Guid imageId, CancellationToken cancellationToken) =>
        UpdateDraftAsync(ownerId, eventId, "image_id = $3", imageId, cancellationToken);

    public Task<bool> SetChannelsAsync(Guid ownerId, Guid eventId, ChannelPlan plan, CancellationToken cancellationToken) =>
        UpdateDraftAsync(ownerId, eventId, "channel_plan = $3", plan.ToByteArray(), cancellationToken);

    /// <summary>
    /// Approves a draft and writes <paramref name="approved"/> to the outbox in the same transaction.
    /// False when the event is no longer a draft (approved twice, or by another tab).
    /// </summary>
    public async Task<bool> ApproveAsync(
        Guid ownerId, Guid eventId, DateTimeOffset startsAt, DateTimeOffset endsAt, EventApprovedIntegrationEvent approved,
        CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            """
            UPDATE events SET status = 'scheduled', starts_at = $3, ends_at = $4, approved_at = $5, updated_at = $5
            WHERE id = $1 AND owner_id = $2 AND status = 'draft'
            """,
            connection,
            transaction);
        command.Parameters.AddWithValue(eventId);
        command.Parameters.AddWithValue(ownerId);
        command.Parameters.AddWithValue(startsAt);
        command.Parameters.AddWithValue(endsAt);
        command.Parameters.AddWithValue(time.GetUtcNow());
        if (await command.ExecuteNonQueryAsync(cancellationToken) != 1)
        {
            return false;
        }

        await outbox.AddAsync(approved, transaction, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    /// <summary>A scheduled event goes live once its distribution has finished; never moves backwards.</summary>
    public static async Task<bool> ActivateAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, Guid eventId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            "UPDATE events SET status = 'active', updated_at = $2 WHERE id = $1 AND status = 'scheduled'",
            connection,
            transaction);
        command.Parameters.AddWithValue(eventId);
        command.Parameters.AddWithValue(now);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    /// <summary>
    /// Counts a participant of an event once per entry number, in the handler's transaction: the inbox
    /// skips a redelivered message, and the key makes the same entry published again a no-op too.
    /// </summary>
    public static async Task<bool> RecordParticipantAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, Guid eventId, string entryNumber, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            "INSERT INTO event_participants (event_id, entry_number) VALUES ($1, $2) ON CONFLICT DO NOTHING",
            connection,
            transaction);
        command.Parameters.AddWithValue(eventId);
        command.Parameters.AddWithValue(entryNumber);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    /// <summary>Approved events whose period was over by <paramref name="endedBy"/> and that are not marked ended yet, the oldest first.</summary>
    public async Task<IReadOnlyList<Guid>> ListDueToEndAsync(DateTimeOffset endedBy, int limit, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            """
            SELECT id FROM events
            WHERE ended_at IS NULL AND status IN ('scheduled', 'active') AND ends_at <= $1
            ORDER BY ends_at
            LIMIT $2
            """);
        command.Parameters.AddWithValue(endedBy);
        command.Parameters.AddWithValue(limit);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var due = new List<Guid>();
        while (await reader.ReadAsync(cancellationToken))
        {
            due.Add(reader.GetGuid(0));
        }

        return due;
    }

    /// <summary>
    /// Marks an approved event ended and writes its EventEnded to the outbox, in one transaction, with
    /// the participants counted at that moment. Null when it is already ended: the UPDATE only matches
    /// an unmarked row, and a replica ending the same event at once waits on the row lock, then finds
    /// the mark and matches nothing, so EventEnded is written once.
    /// </summary>
    public async Task<EndedEvent?> EndAsync(Guid eventId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            $"""
            UPDATE events SET status = 'ended', ended_at = $2, updated_at = $2
            WHERE id = $1 AND ended_at IS NULL AND status IN ('scheduled', 'active')
            RETURNING {Columns}, (SELECT count(*) FROM event_participants WHERE event_id = $1)
            """,
            connection,
            transaction);
        command.Parameters.AddWithValue(eventId);
        command.Parameters.AddWithValue(now);
        EventRecord record;
        int participants;
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            if (!await reader.ReadAsync(cancellationToken))
            {
                return null;
            }

            record = Read(reader);
            // The count follows the record's columns, whatever their number.
            participants = checked((int)reader.GetInt64(reader.FieldCount - 1));
        }

        var ended = EventEnding.ToIntegrationEvent(record, participants);
        if (ended is not null)
        {
            await outbox.AddAsync(ended, transaction, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return new EndedEvent(record.Id, participants, ended);
    }

    /// <summary>
    /// Stores the sales the owner reports for an ended event (replacing an earlier report) and writes
    /// its EventSalesReported to the outbox, in one transaction. Null when the owner has no such event
    /// or it is not marked ended.
    /// </summary>
    public async Task<EventRecord?> ReportSalesAsync(Guid ownerId, Guid eventId, long salesIncreaseKrw, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            $"""
            UPDATE events SET sales_increase_krw = $3, sales_reported_at = $4, updated_at = $4
            WHERE id = $1 AND owner_id = $2 AND status = 'ended'
            RETURNING {Columns}
            """,
            connection,
            transaction);
        command.Parameters.AddWithValue(eventId);
        command.Parameters.AddWithValue(ownerId);
        command.Parameters.AddWithValue(salesIncreaseKrw);
        command.Parameters.AddWithValue(time.GetUtcNow());
        EventRecord record;
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            if (!await reader.ReadAsync(cancellationToken))
            {
                return null;
            }

            record = Read(reader);
        }

        await outbox.AddAsync(EventEnding.ToSalesReported(record), transaction, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return record;
    }

    private async Task<bool> UpdateDraftAsync<T>(Guid ownerId, Guid eventId, string assignments, T value, CancellationToken cancellationToken)
        where T : notnull
    {
        await using var command = dataSource.CreateCommand(
            $"UPDATE events SET {assignments}, updated_at = $4 WHERE id = $1 AND owner_id = $2 AND status = 'draft'");
        command.Parameters.AddWithValue(eventId);
        command.Parameters.AddWithValue(ownerId);
        command.Parameters.AddWithValue(value);
        command.Parameters.AddWithValue(time.GetUtcNow());
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    private static EventRecord Read(NpgsqlDataReader reader) => new(
        Id: reader.GetGuid(0),
        OwnerId: reader.GetGuid(1),
        Status: reader.GetString(2),
        Purpose: (EventPurpose)reader.GetInt32(3),
        Store: StoreSnapshot.Parser.ParseFrom(reader.GetFieldValue<byte[]>(4)),
        Recommendation: reader.IsDBNull(5) ? null : RecommendReply.Parser.ParseFrom(reader.GetFieldValue<byte[]>(5)),
        SelectedPlan: reader.IsDBNull(6) ? null : Plan.Parser.ParseFrom(reader.GetFieldValue<byte[]>(6)),
        ImageId: reader.IsDBNull(7) ? null : reader.GetGuid(7),
        ChannelPlan: reader.IsDBNull(8) ? null : ChannelPlan.Parser.ParseFrom(reader.GetFieldValue<byte[]>(8)),
        StartsAt: reader.IsDBNull(9) ? null : reader.GetFieldValue<DateTimeOffset>(9),
        EndsAt: reader.IsDBNull(10) ? null : reader.GetFieldValue<DateTimeOffset>(10),
        ApprovedAt: reader.IsDBNull(11) ? null : reader.GetFieldValue<DateTimeOffset>(11),
        CreatedAt: reader.GetFieldValue<DateTimeOffset>(12),
        SalesIncreaseKrw: reader.IsDBNull(13) ? null : reader.GetInt64(13),
        SalesReportedAt: reader.IsDBNull(14) ? null : reader.GetFieldValue<DateTimeOffset>(14));
}
