using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;

using KtEvents.Contracts.Channels;
using KtEvents.Contracts.IntegrationEvents;
using KtEvents.Distribution.Model;
using KtEvents.Distribution.Telemetry;
using KtEvents.Messaging.Diagnostics;
using KtEvents.Messaging.Outbox;

using Npgsql;

using NpgsqlTypes;

namespace KtEvents.Distribution.Infrastructure;

/// <summary>
/// Runs and their channel rows. Every change of a channel row is one transaction that also writes
/// the integration events describing it to the outbox, so what Event and Analytics hear is exactly
/// what is stored.
/// </summary>
public sealed class DistributionRepository(NpgsqlDataSource dataSource, IIntegrationEventOutbox outbox)
{
    /// <summary>What the owner reads of a channel row (<see cref="ReadRow"/>); the last says whether a worker holds its lease now.</summary>
    private const string RowColumns =
        """
        c.channel, c.state, c.attempts, c.external_id, c.post_url, c.error_message, c.updated_at, c.expected_exposure,
        c.reported_exposure, c.details::text, (c.lease_until IS NOT NULL AND c.lease_until > now())
        """;

    private static readonly Dictionary<string, int> ChannelOrder =
        ChannelCodes.All.Select((channel, index) => (channel, index)).ToDictionary(pair => pair.channel, pair => pair.index);

    /// <summary>
    /// Records the run and a pending row per channel, unless the event was recorded before (a
    /// redelivery, or the same approval under another message id): then nothing changes.
    /// </summary>
    public async Task<bool> RecordRunAsync(EventApprovedIntegrationEvent approved, NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        await using (var insertRun = new NpgsqlCommand(
            """
            INSERT INTO distribution_runs (event_id, owner_id, store_name, store_phone, title, prize, participation_method, image_id, starts_at, ends_at, created_at)
            VALUES (@event_id, @owner_id, @store_name, @store_phone, @title, @prize, @participation_method, @image_id, @starts_at, @ends_at, now())
            ON CONFLICT (event_id) DO NOTHING
            """, connection, transaction))
        {
            insertRun.Parameters.AddWithValue("event_id", approved.EventId);
            insertRun.Parameters.AddWithValue("owner_id", approved.OwnerId);
            insertRun.Parameters.AddWithValue("store_name", approved.StoreName);
            insertRun.Parameters.AddWithValue("store_phone", approved.StorePhone);
            insertRun.Parameters.AddWithValue("title", approved.Title);
            insertRun.Parameters.AddWithValue("prize", approved.Prize);
            insertRun.Parameters.AddWithValue("participation_method", approved.ParticipationMethod);
            insertRun.Parameters.AddWithValue("image_id", approved.ImageId);
            insertRun.Parameters.AddWithValue("starts_at", approved.StartsAt.ToUniversalTime());
            insertRun.Parameters.AddWithValue("ends_at", approved.EndsAt.ToUniversalTime());
            if (await insertRun.ExecuteNonQueryAsync(cancellationToken) == 0)
            {
                return false;
            }
        }

        // The attempts continue the trace of the EventApproved message handled here.
        var (traceParent, traceState) = TraceContext.Capture(Activity.Current);
        foreach (var channel in approved.Channels.DistinctBy(channel => channel.Channel))
        {
            await using var insertChannel = new NpgsqlCommand(
                """
                INSERT INTO distribution_channels (event_id, channel, options, cost_krw, expected_exposure, state, next_attempt_at, updated_at, traceparent, tracestate)
                VALUES (@event_id, @channel, @options, @cost_krw, @expected_exposure, 'pending', now(), now(), @traceparent, @tracestate)
                """, connection, transaction);
            insertChannel.Parameters.AddWithValue("event_id", approved.EventId);
            insertChannel.Parameters.AddWithValue("channel", channel.Channel);
            insertChannel.Parameters.AddWithValue("options", NpgsqlDbType.Jsonb, JsonSerializer.Serialize(channel.Options));
            insertChannel.Parameters.AddWithValue("cost_krw", channel.CostKrw);
            insertChannel.Parameters.AddWithValue("expected_exposure", channel.ExpectedExposure);
            insertChannel.Parameters.AddWithValue("traceparent", (object?)traceParent ?? DBNull.Value);
            insertChannel.Parameters.AddWithValue("tracestate", (object?)traceState ?? DBNull.Value);
            await insertChannel.ExecuteNonQueryAsync(cancellationToken);
            await outbox.AddAsync(
                new DistributionProgressedIntegrationEvent(approved.EventId, approved.OwnerId, channel.Channel, ChannelStates.Pending, 0, null, null, null),
                transaction, cancellationToken);
        }

        if (approved.Channels.Count == 0)
        {
            // Nothing to post (Event requires a channel, but a run must never stay open forever).
            await CompleteRunIfFinalAsync(RunOf(approved), connection, transaction, cancellationToken);
        }

        return true;
    }

    private static DistributionRun RunOf(EventApprovedIntegrationEvent approved) => new(
        approved.EventId, approved.OwnerId, approved.StoreName, approved.StorePhone, approved.Title, approved.Prize,
        approved.ParticipationMethod, approved.ImageId, approved.StartsAt, approved.EndsAt);

    /// <summary>
    /// Claims up to <paramref name="limit"/> due channel rows for one attempt each: pending rows, rows
    /// whose retry time has come, and rows whose lease expired because the worker holding them died.
    /// The lease keeps other workers (replicas) off a row while its attempt runs.
    /// </summary>
    public async Task<IReadOnlyList<ChannelWork>> ClaimDueAsync(int limit, TimeSpan lease, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var claim = new NpgsqlCommand(
            """
            UPDATE distribution_channels AS c
            SET state = 'running', attempts = c.attempts + 1, lease_until = now() + @lease, updated_at = now()
            FROM (SELECT event_id, channel FROM distribution_channels
                  WHERE state IN ('pending', 'running') AND next_attempt_at <= now()
                    AND (lease_until IS NULL OR lease_until <= now())
                  ORDER BY next_attempt_at
                  LIMIT @limit
                  FOR UPDATE SKIP LOCKED) AS due,
                 distribution_runs AS r
            WHERE c.event_id = due.event_id AND c.channel = due.channel AND r.event_id = c.event_id
            RETURNING c.event_id, c.channel, c.options, c.expected_exposure, c.attempts,
                      r.owner_id, r.store_name, r.store_phone, r.title, r.prize, r.participation_method,
                      r.image_id, r.starts_at, r.ends_at, c.round, c.traceparent, c.tracestate
            """, connection, transaction);
        claim.Parameters.AddWithValue("lease", lease);
        claim.Parameters.AddWithValue("limit", limit);
        var claimed = new List<ChannelWork>();
        await using (var reader = await claim.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                var run = new DistributionRun(
                    EventId: reader.GetGuid(0),
                    OwnerId: reader.GetGuid(5),
                    StoreName: reader.GetString(6),
                    StorePhone: reader.GetString(7),
                    Title: reader.GetString(8),
                    Prize: reader.GetString(9),
                    ParticipationMethod: reader.GetString(10),
                    ImageId: reader.GetGuid(11),
                    StartsAt: reader.GetFieldValue<DateTimeOffset>(12),
                    EndsAt: reader.GetFieldValue<DateTimeOffset>(13));
                var options = JsonSerializer.Deserialize<Dictionary<string, string>>(reader.GetString(2)) ?? [];
                var trace = TraceContext.Parse(
                    reader.IsDBNull(15) ? null : reader.GetString(15), reader.IsDBNull(16) ? null : reader.GetString(16));
                claimed.Add(new ChannelWork(run, reader.GetString(1), options, reader.GetInt64(3), reader.GetInt32(4), reader.GetInt32(14), trace));
            }
        }

        foreach (var work in claimed)
        {
            // The claim runs outside any request: its 진행중 joins the trace the row's attempts continue.
            using var span = DistributionTelemetry.Source.StartActivity($"claim {work.Channel}", ActivityKind.Internal, work.Trace);
            await outbox.AddAsync(
                new DistributionProgressedIntegrationEvent(work.Run.EventId, work.Run.OwnerId, work.Channel, ChannelStates.Running, work.Attempt, null, null, null),
                transaction, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return claimed;
    }

    /// <summary>
    /// Stores how an attempt ended. Returns false, changing nothing, when the attempt lost its row:
    /// its lease expired and another attempt claimed it, the owner cancelled the channel meanwhile
    /// (a cancellation is never overwritten), or a 재시도 started a new round. The run row is locked
    /// first, so that of two channels finishing at once exactly one sees the run complete and
    /// publishes DistributionCompleted.
    /// </summary>
    public async Task<bool> CompleteAttemptAsync(ChannelWork work, ChannelOutcome outcome, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var lockRun = new NpgsqlCommand("SELECT 1 FROM distribution_runs WHERE event_id = @event_id FOR UPDATE", connection, transaction))
        {
            lockRun.Parameters.AddWithValue("event_id", work.Run.EventId);
            await lockRun.ExecuteNonQueryAsync(cancellationToken);
        }

        var (state, result, error, delay) = outcome switch
        {
            ChannelOutcome.Succeeded succeeded => (ChannelStates.Succeeded, succeeded.Result, null, TimeSpan.Zero),
            ChannelOutcome.RetryLater retry => (ChannelStates.Running, null, retry.ErrorMessage, retry.Delay),
            ChannelOutcome.Failed failed => (ChannelStates.Failed, (Channels.ChannelPostResult?)null, failed.ErrorMessage, TimeSpan.Zero),
            _ => throw new ArgumentOutOfRangeException(nameof(outcome)),
        };

        await using (var update = new NpgsqlCommand(
            """
            UPDATE distribution_channels
            SET state = @state, external_id = @external_id, post_url = @post_url, details = @details,
                reported_exposure = @reported_exposure, error_message = @error_message, lease_until = NULL,
                next_attempt_at = now() + @delay, updated_at = now()
            WHERE event_id = @event_id AND channel = @channel AND state = 'running' AND attempts = @attempt AND round = @round
            """, connection, transaction))
        {
            update.Parameters.AddWithValue("state", state);
            update.Parameters.AddWithValue("external_id", (object?)result?.ExternalId ?? DBNull.Value);
            update.Parameters.AddWithValue("post_url", (object?)result?.PostUrl ?? DBNull.Value);
            update.Parameters.AddWithValue("details", NpgsqlDbType.Jsonb, (object?)result?.Details?.ToJsonString() ?? DBNull.Value);
            update.Parameters.AddWithValue("error_message", (object?)error ?? DBNull.Value);
            update.Parameters.AddWithValue("delay", delay);
            update.Parameters.AddWithValue("event_id", work.Run.EventId);
            update.Parameters.AddWithValue("channel", work.Channel);
            update.Parameters.AddWithValue("attempt", work.Attempt);
            update.Parameters.AddWithValue("round", work.Round);
            update.Parameters.AddWithValue("reported_exposure", (object?)result?.Exposure ?? DBNull.Value);
            if (await update.ExecuteNonQueryAsync(cancellationToken) == 0)
            {
                return false;
            }
        }

        var run = work.Run;
        await outbox.AddAsync(
            new DistributionProgressedIntegrationEvent(run.EventId, run.OwnerId, work.Channel, state, work.Attempt, result?.ExternalId, result?.PostUrl, error),
            transaction, cancellationToken);
        if (result is not null)
        {
            await outbox.AddAsync(
                new ExposureReportedIntegrationEvent(run.EventId, work.Channel, result.Exposure ?? work.ExpectedExposure, DateTimeOffset.UtcNow),
                transaction, cancellationToken);
        }

        if (ChannelStates.IsFinal(state))
        {
            await CompleteRunIfFinalAsync(run, connection, transaction, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    /// <summary>The channels of the owner's event, in the order of <see cref="ChannelCodes.All"/>; empty when there is none (or it is another owner's).</summary>
    public async Task<IReadOnlyList<ChannelDistributionRow>> GetAsync(Guid eventId, Guid ownerId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            $"""
            SELECT {RowColumns}
            FROM distribution_channels AS c
            JOIN distribution_runs AS r ON r.event_id = c.event_id
            WHERE c.event_id = @event_id AND r.owner_id = @owner_id
            """);
        command.Parameters.AddWithValue("event_id", eventId);
        command.Parameters.AddWithValue("owner_id", ownerId);
        var rows = new List<ChannelDistributionRow>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(ReadRow(reader));
        }

        return [.. rows.OrderBy(row => ChannelOrder.GetValueOrDefault(row.Channel, int.MaxValue))];
    }

    /// <summary>
    /// 재시도: a failed channel goes back to pending, due now, in a new round with no attempts, so the
    /// worker posts it again with the full MaxAttempts. Its former answer and message are cleared, and
    /// the new round's attempts continue the trace of the owner's request.
    /// </summary>
    public Task<ChannelChange> RetryAsync(Guid eventId, Guid ownerId, string channel, CancellationToken cancellationToken) =>
        ChangeChannelAsync(eventId, ownerId, channel,
            row => row.State == ChannelStates.Failed,
            """
            UPDATE distribution_channels
            SET state = 'pending', attempts = 0, round = round + 1, next_attempt_at = now(), lease_until = NULL,
                external_id = NULL, post_url = NULL, details = NULL, reported_exposure = NULL, error_message = NULL, updated_at = now(),
                traceparent = @traceparent, tracestate = @tracestate
            WHERE event_id = @event_id AND channel = @channel AND state = 'failed'
            """,
            cancellationToken);

    /// <summary>
    /// 취소: the channel becomes cancelled, which the worker never claims, when <see cref="ChannelCancellation"/>
    /// allows it. The channel row is locked, so a worker claiming it at the same moment either got it
    /// first (then its lease refuses the cancellation) or skips it (SKIP LOCKED) and finds it cancelled.
    /// </summary>
    public Task<ChannelChange> CancelAsync(Guid eventId, Guid ownerId, string channel, CancellationToken cancellationToken) =>
        ChangeChannelAsync(eventId, ownerId, channel,
            row => ChannelCancellation.CanCancel(row.Channel, row.State, row.AttemptInFlight),
            """
            UPDATE distribution_channels
            SET state = 'cancelled', lease_until = NULL, error_message = NULL, updated_at = now()
            WHERE event_id = @event_id AND channel = @channel AND state IN ('pending', 'running')
              AND (lease_until IS NULL OR lease_until <= now())
            """,
            cancellationToken);

    /// <summary>
    /// One owner's change of one channel, in one transaction with its DistributionProgressed: the run is
    /// locked first (as <see cref="CompleteAttemptAsync"/> does, so that a cancellation finishing the
    /// run and a worker finishing another channel cannot both miss the completion), then the channel
    /// row, then <paramref name="allowed"/> decides on what is locked and <paramref name="update"/>
    /// (itself conditional on the state) applies the change.
    /// </summary>
    private async Task<ChannelChange> ChangeChannelAsync(
        Guid eventId, Guid ownerId, string channel, Func<ChannelDistributionRow, bool> allowed, string update, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var run = await LockRunAsync(eventId, ownerId, connection, transaction, cancellationToken);
        if (run is null || await ReadChannelAsync(eventId, channel, connection, transaction, lockRow: true, cancellationToken) is not { } before)
        {
            return new ChannelChange.NotFound();
        }

        if (!allowed(before))
        {
            return new ChannelChange.Refused(before);
        }

        await using (var command = new NpgsqlCommand(update, connection, transaction))
        {
            // The owner's request's trace, for an update that hands the channel to the worker again.
            var (traceParent, traceState) = TraceContext.Capture(Activity.Current);
            command.Parameters.AddWithValue("event_id", eventId);
            command.Parameters.AddWithValue("channel", channel);
            command.Parameters.AddWithValue("traceparent", (object?)traceParent ?? DBNull.Value);
            command.Parameters.AddWithValue("tracestate", (object?)traceState ?? DBNull.Value);
            if (await command.ExecuteNonQueryAsync(cancellationToken) != 1)
            {
                // Unreachable while the row is locked; refuse rather than report a change that did not happen.
                return new ChannelChange.Refused(before);
            }
        }

        var after = (await ReadChannelAsync(eventId, channel, connection, transaction, lockRow: false, cancellationToken))!;
        await outbox.AddAsync(
            new DistributionProgressedIntegrationEvent(eventId, ownerId, channel, after.State, after.Attempts, null, null, null),
            transaction, cancellationToken);
        if (ChannelStates.IsFinal(after.State))
        {
            await CompleteRunIfFinalAsync(run, connection, transaction, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return new ChannelChange.Changed(after);
    }

    private static async Task<DistributionRun?> LockRunAsync(
        Guid eventId, Guid ownerId, NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            """
            SELECT event_id, owner_id, store_name, store_phone, title, prize, participation_method, image_id, starts_at, ends_at
            FROM distribution_runs WHERE event_id = @event_id AND owner_id = @owner_id
            FOR UPDATE
            """, connection, transaction);
        command.Parameters.AddWithValue("event_id", eventId);
        command.Parameters.AddWithValue("owner_id", ownerId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new DistributionRun(
                reader.GetGuid(0), reader.GetGuid(1), reader.GetString(2), reader.GetString(3), reader.GetString(4), reader.GetString(5),
                reader.GetString(6), reader.GetGuid(7), reader.GetFieldValue<DateTimeOffset>(8), reader.GetFieldValue<DateTimeOffset>(9))
            : null;
    }

    private static async Task<ChannelDistributionRow?> ReadChannelAsync(
        Guid eventId, string channel, NpgsqlConnection connection, NpgsqlTransaction transaction, bool lockRow, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            $"SELECT {RowColumns} FROM distribution_channels AS c WHERE c.event_id = @event_id AND c.channel = @channel{(lockRow ? " FOR UPDATE" : "")}",
            connection, transaction);
        command.Parameters.AddWithValue("event_id", eventId);
        command.Parameters.AddWithValue("channel", channel);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? ReadRow(reader) : null;
    }

    private static ChannelDistributionRow ReadRow(NpgsqlDataReader reader) => new(
        reader.GetString(0),
        reader.GetString(1),
        reader.GetInt32(2),
        reader.IsDBNull(3) ? null : reader.GetString(3),
        reader.IsDBNull(4) ? null : reader.GetString(4),
        reader.IsDBNull(5) ? null : reader.GetString(5),
        reader.GetFieldValue<DateTimeOffset>(6),
        reader.GetInt64(7),
        reader.IsDBNull(8) ? null : reader.GetInt64(8),
        reader.IsDBNull(9) ? null : JsonNode.Parse(reader.GetString(9)),
        reader.GetBoolean(10));

    /// <summary>
    /// Publishes DistributionCompleted once per run, when every channel is final for the first time.
    /// Cancelled channels are in neither list. A channel recovered by a 재시도 after that publishes its
    /// DistributionProgressed and ExposureReported (<see cref="CompleteAttemptAsync"/>) but no second
    /// completion: Event only activates on the first, Analytics only records the first, and nothing
    /// reads the lists, so a second one would be noise to every consumer (and a trap for a future one
    /// that counts them). completed_at is the guard.
    /// </summary>
    private async Task CompleteRunIfFinalAsync(DistributionRun run, NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        var states = new List<(string Channel, string State)>();
        await using (var read = new NpgsqlCommand("SELECT channel, state FROM distribution_channels WHERE event_id = @event_id", connection, transaction))
        {
            read.Parameters.AddWithValue("event_id", run.EventId);
            await using var reader = await read.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                states.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        if (!states.All(row => ChannelStates.IsFinal(row.State)))
        {
            return;
        }

        await using var complete = new NpgsqlCommand(
            "UPDATE distribution_runs SET completed_at = now() WHERE event_id = @event_id AND completed_at IS NULL", connection, transaction);
        complete.Parameters.AddWithValue("event_id", run.EventId);
        if (await complete.ExecuteNonQueryAsync(cancellationToken) == 1)
        {
            await outbox.AddAsync(
                new DistributionCompletedIntegrationEvent(
                    run.EventId,
                    run.OwnerId,
                    [.. states.Where(row => row.State == ChannelStates.Succeeded).Select(row => row.Channel)],
                    [.. states.Where(row => row.State == ChannelStates.Failed).Select(row => row.Channel)]),
                transaction, cancellationToken);
        }
    }
}
