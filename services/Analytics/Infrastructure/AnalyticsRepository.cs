using KtEvents.Analytics.Model;
using KtEvents.Contracts.Channels;
using KtEvents.Contracts.IntegrationEvents;

using Npgsql;

using NpgsqlTypes;

namespace KtEvents.Analytics.Infrastructure;

/// <summary>
/// The counters behind the dashboard. Writes run in the handler's transaction (with the inbox row)
/// and are idempotent on their own too: a re-published event (new message id, same facts) neither
/// counts twice nor moves a figure back. Counting writes return whether they changed anything.
/// </summary>
public sealed class AnalyticsRepository(NpgsqlDataSource dataSource)
{
    /// <summary>Owner, target and plan of an approved event; a second delivery writes the same values.</summary>
    public async Task RecordApprovalAsync(
        EventApprovedIntegrationEvent approved, DateTimeOffset now, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        await using var batch = new NpgsqlBatch(transaction.Connection, transaction)
        {
            BatchCommands =
            {
                new NpgsqlBatchCommand(
                    """
                    INSERT INTO analytics_events (event_id, owner_id, expected_participants, total_cost_krw, updated_at)
                    VALUES ($1, $2, $3, $4, $5)
                    ON CONFLICT (event_id) DO UPDATE SET
                        owner_id = excluded.owner_id,
                        expected_participants = excluded.expected_participants,
                        total_cost_krw = excluded.total_cost_krw,
                        updated_at = excluded.updated_at
                    """)
                {
                    Parameters =
                    {
                        new() { Value = approved.EventId },
                        new() { Value = approved.OwnerId },
                        new() { Value = (long)approved.ExpectedParticipants },
                        new() { Value = approved.Channels.Sum(channel => channel.CostKrw) },
                        new() { Value = now },
                    },
                },
                new NpgsqlBatchCommand(
                    """
                    INSERT INTO analytics_channels (event_id, channel, cost_krw, expected_exposure)
                    SELECT $1, plan.channel, plan.cost_krw, plan.expected_exposure
                    FROM unnest($2::text[], $3::bigint[], $4::bigint[]) AS plan (channel, cost_krw, expected_exposure)
                    ON CONFLICT (event_id, channel) DO UPDATE SET
                        cost_krw = excluded.cost_krw,
                        expected_exposure = excluded.expected_exposure
                    """)
                {
                    Parameters =
                    {
                        new() { Value = approved.EventId },
                        new() { Value = approved.Channels.Select(channel => channel.Channel).ToArray() },
                        new() { Value = approved.Channels.Select(channel => channel.CostKrw).ToArray() },
                        new() { Value = approved.Channels.Select(channel => channel.ExpectedExposure).ToArray() },
                    },
                },
            },
        };
        await batch.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>
    /// Counts an entry once: the entry's row is the guard, and the counters move only when it is new.
    /// One statement, since entries arrive at up to 1,000 per second.
    /// </summary>
    public async Task<bool> RecordEntryAsync(
        ParticipantRegisteredIntegrationEvent entry, DateTimeOffset now, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        var channel = ChannelCodes.IsKnown(entry.Channel) ? entry.Channel : null;
        var enteredAt = entry.EnteredAt.ToUniversalTime();
        var hourStart = new DateTimeOffset(enteredAt.Year, enteredAt.Month, enteredAt.Day, enteredAt.Hour, 0, 0, TimeSpan.Zero);
        await using var command = new NpgsqlCommand(
            """
            WITH fresh AS (
                INSERT INTO analytics_entries (event_id, entry_number, channel, entered_at)
                VALUES ($1, $2, $3, $4)
                ON CONFLICT (event_id, entry_number) DO NOTHING
                RETURNING event_id
            ), event_counter AS (
                INSERT INTO analytics_events (event_id, participants, updated_at)
                SELECT event_id, 1, $6 FROM fresh
                ON CONFLICT (event_id) DO UPDATE SET
                    participants = analytics_events.participants + 1,
                    updated_at = excluded.updated_at
            ), channel_counter AS (
                INSERT INTO analytics_channels (event_id, channel, participants)
                SELECT event_id, $3, 1 FROM fresh WHERE $3 IS NOT NULL
                ON CONFLICT (event_id, channel) DO UPDATE SET participants = analytics_channels.participants + 1
            ), hour_counter AS (
                INSERT INTO analytics_hourly (event_id, hour_start, participants)
                SELECT event_id, $5, 1 FROM fresh
                ON CONFLICT (event_id, hour_start) DO UPDATE SET participants = analytics_hourly.participants + 1
            )
            SELECT count(*) FROM fresh
            """,
            transaction.Connection,
            transaction)
        {
            Parameters =
            {
                new() { Value = entry.EventId },
                new() { Value = entry.EntryNumber },
                new() { Value = (object?)channel ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text },
                new() { Value = entry.EnteredAt },
                new() { Value = hourStart },
                new() { Value = now },
            },
        };
        return (long)(await command.ExecuteScalarAsync(cancellationToken))! > 0;
    }

    /// <summary>Keeps a channel's exposure total measured last; an older report arriving late changes nothing.</summary>
    public async Task<bool> RecordExposureAsync(
        ExposureReportedIntegrationEvent exposure, DateTimeOffset now, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            """
            WITH changed AS (
                INSERT INTO analytics_channels (event_id, channel, exposures, exposures_measured_at)
                VALUES ($1, $2, $3, $4)
                ON CONFLICT (event_id, channel) DO UPDATE SET
                    exposures = excluded.exposures,
                    exposures_measured_at = excluded.exposures_measured_at
                WHERE analytics_channels.exposures_measured_at IS NULL
                   OR analytics_channels.exposures_measured_at < excluded.exposures_measured_at
                RETURNING event_id
            )
            INSERT INTO analytics_events (event_id, updated_at)
            SELECT event_id, $5 FROM changed
            ON CONFLICT (event_id) DO UPDATE SET updated_at = excluded.updated_at
            """,
            transaction.Connection,
            transaction)
        {
            Parameters =
            {
                new() { Value = exposure.EventId },
                new() { Value = exposure.Channel },
                new() { Value = exposure.TotalExposures },
                new() { Value = exposure.MeasuredAt },
                new() { Value = now },
            },
        };
        return await command.ExecuteNonQueryAsync(cancellationToken) > 0;
    }

    public async Task<bool> RecordDistributionCompletedAsync(
        DistributionCompletedIntegrationEvent completed, DateTimeOffset now, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            """
            INSERT INTO analytics_events (event_id, distribution_completed_at, updated_at)
            VALUES ($1, $2, $2)
            ON CONFLICT (event_id) DO UPDATE SET
                distribution_completed_at = excluded.distribution_completed_at,
                updated_at = excluded.updated_at
            WHERE analytics_events.distribution_completed_at IS NULL
            """,
            transaction.Connection,
            transaction)
        {
            Parameters =
            {
                new() { Value = completed.EventId },
                new() { Value = now },
            },
        };
        return await command.ExecuteNonQueryAsync(cancellationToken) > 0;
    }

    /// <summary>The owner's event figures: a handful of rows, however many entries. Null for a missing or another owner's event.</summary>
    public async Task<EventFigures?> FindAsync(Guid eventId, Guid ownerId, CancellationToken cancellationToken)
    {
        await using var batch = dataSource.CreateBatch();
        batch.BatchCommands.Add(new NpgsqlBatchCommand(
            """
            SELECT participants, expected_participants, total_cost_krw, updated_at
            FROM analytics_events WHERE event_id = $1 AND owner_id = $2
            """)
        {
            Parameters = { new() { Value = eventId }, new() { Value = ownerId } },
        });
        batch.BatchCommands.Add(new NpgsqlBatchCommand(
            "SELECT channel, exposures, participants, cost_krw FROM analytics_channels WHERE event_id = $1")
        {
            Parameters = { new() { Value = eventId } },
        });
        batch.BatchCommands.Add(new NpgsqlBatchCommand(
            "SELECT hour_start, participants FROM analytics_hourly WHERE event_id = $1 ORDER BY hour_start")
        {
            Parameters = { new() { Value = eventId } },
        });

        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }
        var (participants, expected, cost, updatedAt) =
            (reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetFieldValue<DateTimeOffset>(3));

        await reader.NextResultAsync(cancellationToken);
        var channels = new List<ChannelFigures>();
        while (await reader.ReadAsync(cancellationToken))
        {
            channels.Add(new ChannelFigures(reader.GetString(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3)));
        }
        // The order owners know from the channel picker, not the order rows happened to be written in.
        channels.Sort((a, b) => Rank(a.Channel).CompareTo(Rank(b.Channel)));

        await reader.NextResultAsync(cancellationToken);
        var hourly = new List<HourlyEntries>();
        while (await reader.ReadAsync(cancellationToken))
        {
            hourly.Add(new HourlyEntries(reader.GetFieldValue<DateTimeOffset>(0), reader.GetInt64(1)));
        }
        return new EventFigures(eventId, participants, expected, cost, channels, hourly, updatedAt);
    }

    /// <summary>Participants and exposures of those of <paramref name="eventIds"/> that are the owner's, in one query.</summary>
    public async Task<IReadOnlyList<EventTotals>> ListTotalsAsync(Guid ownerId, IReadOnlyCollection<Guid> eventIds, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            """
            SELECT e.event_id, e.participants, COALESCE(sum(c.exposures), 0)::bigint
            FROM analytics_events e
            LEFT JOIN analytics_channels c ON c.event_id = e.event_id
            WHERE e.owner_id = $1 AND e.event_id = ANY($2)
            GROUP BY e.event_id, e.participants
            """);
        command.Parameters.Add(new() { Value = ownerId });
        command.Parameters.Add(new() { Value = eventIds.ToArray() });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var totals = new List<EventTotals>();
        while (await reader.ReadAsync(cancellationToken))
        {
            totals.Add(new EventTotals(reader.GetGuid(0), reader.GetInt64(1), reader.GetInt64(2)));
        }
        return totals;
    }

    private static readonly Dictionary<string, int> ChannelOrder =
        ChannelCodes.All.Select((code, index) => (code, index)).ToDictionary(pair => pair.code, pair => pair.index);

    private static int Rank(string channel) => ChannelOrder.GetValueOrDefault(channel, int.MaxValue);
}
