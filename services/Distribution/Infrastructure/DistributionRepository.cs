using System.Text.Json;

using KtEvents.Contracts.Channels;
using KtEvents.Contracts.IntegrationEvents;
using KtEvents.Distribution.Model;
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

        foreach (var channel in approved.Channels.DistinctBy(channel => channel.Channel))
        {
            await using var insertChannel = new NpgsqlCommand(
                """
                INSERT INTO distribution_channels (event_id, channel, options, cost_krw, expected_exposure, state, next_attempt_at, updated_at)
                VALUES (@event_id, @channel, @options, @cost_krw, @expected_exposure, 'pending', now(), now())
                """, connection, transaction);
            insertChannel.Parameters.AddWithValue("event_id", approved.EventId);
            insertChannel.Parameters.AddWithValue("channel", channel.Channel);
            insertChannel.Parameters.AddWithValue("options", NpgsqlDbType.Jsonb, JsonSerializer.Serialize(channel.Options));
            insertChannel.Parameters.AddWithValue("cost_krw", channel.CostKrw);
            insertChannel.Parameters.AddWithValue("expected_exposure", channel.ExpectedExposure);
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
                      r.image_id, r.starts_at, r.ends_at
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
                claimed.Add(new ChannelWork(run, reader.GetString(1), options, reader.GetInt64(3), reader.GetInt32(4)));
            }
        }

        foreach (var work in claimed)
        {
            await outbox.AddAsync(
                new DistributionProgressedIntegrationEvent(work.Run.EventId, work.Run.OwnerId, work.Channel, ChannelStates.Running, work.Attempt, null, null, null),
                transaction, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return claimed;
    }

    /// <summary>
    /// Stores how an attempt ended. Returns false, changing nothing, when the attempt lost its row
    /// (its lease expired and another attempt claimed it). The run row is locked first, so that of
    /// two channels finishing at once exactly one sees the run complete and publishes DistributionCompleted.
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
                error_message = @error_message, lease_until = NULL, next_attempt_at = now() + @delay, updated_at = now()
            WHERE event_id = @event_id AND channel = @channel AND state = 'running' AND attempts = @attempt
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

        if (state is ChannelStates.Succeeded or ChannelStates.Failed)
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
            """
            SELECT c.channel, c.state, c.attempts, c.external_id, c.post_url, c.error_message, c.updated_at, c.expected_exposure
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
            rows.Add(new ChannelDistributionRow(
                reader.GetString(0),
                reader.GetString(1),
                reader.GetInt32(2),
                reader.IsDBNull(3) ? null : reader.GetString(3),
                reader.IsDBNull(4) ? null : reader.GetString(4),
                reader.IsDBNull(5) ? null : reader.GetString(5),
                reader.GetFieldValue<DateTimeOffset>(6),
                reader.GetInt64(7)));
        }

        return [.. rows.OrderBy(row => ChannelOrder.GetValueOrDefault(row.Channel, int.MaxValue))];
    }

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

        if (states.Any(row => row.State is not (ChannelStates.Succeeded or ChannelStates.Failed)))
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
