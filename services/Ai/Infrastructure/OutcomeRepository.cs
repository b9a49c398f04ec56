using KtEvents.Ai.Model;

using Npgsql;

using NpgsqlTypes;

namespace KtEvents.Ai.Infrastructure;

/// <summary>
/// Writes an ended event's outcome in the handler's transaction (committed with the inbox row): the
/// real success case and the prediction's accuracy, and later the sales the owner reports, which
/// give both their ROI. All are keyed by the event, so a message published again under a new
/// message id (which the inbox cannot recognise) changes nothing.
/// </summary>
/// <remarks>
/// EventEnded and EventSalesReported may be handled in either order, or at once by two consumers:
/// each takes a transaction-scoped lock on the event first, so the second always sees what the first
/// wrote and completes it.
/// </remarks>
public sealed class OutcomeRepository
{
    /// <summary>Adds the outcome, with the ROI of sales already reported for it.</summary>
    public async Task<OutcomeChanges> AddAsync(EventOutcome outcome, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        await LockEventAsync(outcome.EventId, transaction, cancellationToken);
        var sales = await FindSalesAsync(outcome.EventId, transaction, cancellationToken);
        var caseAdded = outcome.Case is { } real
            && await AddCaseAsync(real with { RoiPercent = sales?.ActualRoiPercent }, outcome.Source, transaction, cancellationToken);
        var accuracyAdded = await AddAccuracyAsync(outcome, sales, transaction, cancellationToken);
        return new OutcomeChanges(
            caseAdded,
            accuracyAdded ? outcome.Error : null,
            accuracyAdded ? sales?.RoiError : null);
    }

    /// <summary>
    /// Keeps the owner's sales report unless a newer one is kept already, and gives the event's case
    /// and accuracy row (if its EventEnded came first) the real ROI.
    /// </summary>
    public async Task<OutcomeChanges> AddSalesAsync(SalesOutcome sales, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        await LockEventAsync(sales.EventId, transaction, cancellationToken);
        if (!await KeepSalesAsync(sales, transaction, cancellationToken))
        {
            return new OutcomeChanges(false, null, null);
        }

        await using var caseCommand = new NpgsqlCommand("""
            UPDATE success_cases SET roi_percent = $2
            WHERE source = $1 AND NOT synthetic AND roi_percent IS DISTINCT FROM $2
            """, transaction.Connection, transaction);
        caseCommand.Parameters.Add(new NpgsqlParameter<string> { TypedValue = EventOutcome.SourceOf(sales.EventId) });
        caseCommand.Parameters.Add(new NpgsqlParameter<int> { TypedValue = sales.ActualRoiPercent });
        var caseChanged = await caseCommand.ExecuteNonQueryAsync(cancellationToken) == 1;

        // The joined row is the one before the update: whether this report is the first to measure the ROI.
        await using var accuracyCommand = new NpgsqlCommand("""
            UPDATE prediction_accuracy p SET expected_roi_percent = $2, actual_roi_percent = $3, roi_error = $4
            FROM prediction_accuracy before
            WHERE p.event_id = $1 AND before.event_id = p.event_id
            RETURNING before.actual_roi_percent IS NULL
            """, transaction.Connection, transaction);
        accuracyCommand.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = sales.EventId });
        accuracyCommand.Parameters.Add(new NpgsqlParameter<int> { TypedValue = sales.ExpectedRoiPercent });
        accuracyCommand.Parameters.Add(new NpgsqlParameter<int> { TypedValue = sales.ActualRoiPercent });
        accuracyCommand.Parameters.Add(new NpgsqlParameter { Value = (object?)sales.RoiError ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Double });
        // A correction changes the row but measures nothing new: the histogram counts each event once.
        var firstMeasured = await accuracyCommand.ExecuteScalarAsync(cancellationToken) is true;

        return new OutcomeChanges(caseChanged, null, firstMeasured ? sales.RoiError : null);
    }

    /// <summary>Serialises the writers of one event's outcome until the transaction ends.</summary>
    private static async Task LockEventAsync(Guid eventId, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            "SELECT pg_advisory_xact_lock(hashtextextended($1, 0))", transaction.Connection, transaction);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = EventOutcome.SourceOf(eventId) });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>True if the report is new or newer than the one kept (a correction); false for a repeat or an older one.</summary>
    private static async Task<bool> KeepSalesAsync(SalesOutcome sales, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("""
            INSERT INTO event_sales
                (event_id, industry, sales_increase_krw, cost_krw, actual_roi_percent, expected_roi_percent, reported_at)
            VALUES ($1, $2, $3, $4, $5, $6, $7)
            ON CONFLICT (event_id) DO UPDATE SET
                sales_increase_krw = EXCLUDED.sales_increase_krw, cost_krw = EXCLUDED.cost_krw,
                actual_roi_percent = EXCLUDED.actual_roi_percent, expected_roi_percent = EXCLUDED.expected_roi_percent,
                reported_at = EXCLUDED.reported_at, recorded_at = now()
            WHERE event_sales.reported_at < EXCLUDED.reported_at
            """, transaction.Connection, transaction);
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = sales.EventId });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = sales.Industry });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = sales.SalesIncreaseKrw });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = sales.CostKrw });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = sales.ActualRoiPercent });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = sales.ExpectedRoiPercent });
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = sales.ReportedAt });
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    private static async Task<SalesOutcome?> FindSalesAsync(Guid eventId, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("""
            SELECT industry, sales_increase_krw, cost_krw, actual_roi_percent, expected_roi_percent, reported_at
            FROM event_sales WHERE event_id = $1
            """, transaction.Connection, transaction);
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = eventId });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new SalesOutcome(eventId, reader.GetString(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt32(3), reader.GetInt32(4),
                reader.GetFieldValue<DateTimeOffset>(5))
            : null;
    }

    private static async Task<bool> AddCaseAsync(SuccessCase c, string source, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("""
            INSERT INTO success_cases (id, title, industry, city, district, season, event_date, budget_tier, budget_krw,
                event_type, prize, participation_method, kind, participants, cost_krw, roi_percent, synthetic, source)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, false, $17)
            ON CONFLICT (source) WHERE NOT synthetic DO NOTHING
            """, transaction.Connection, transaction);
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = Guid.CreateVersion7() });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = c.Title });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = c.Industry });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = c.City });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = c.District });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = Seasons.Code(c.Season) });
        command.Parameters.Add(new NpgsqlParameter<DateOnly> { TypedValue = c.EventDate });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = c.BudgetTier });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = c.BudgetKrw });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = c.EventType });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = c.Prize });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = c.ParticipationMethod });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = c.Kind });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = c.Participants });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = c.CostKrw });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)c.RoiPercent ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Integer });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = source });
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    private static async Task<bool> AddAccuracyAsync(EventOutcome outcome, SalesOutcome? sales, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("""
            INSERT INTO prediction_accuracy
                (event_id, recommendation_id, plan_id, industry, expected_participants, actual_participants, error, ended_at,
                 expected_roi_percent, actual_roi_percent, roi_error)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
            ON CONFLICT (event_id) DO NOTHING
            """, transaction.Connection, transaction);
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = outcome.EventId });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)outcome.RecommendationId ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Uuid });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = outcome.PlanId });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = outcome.Industry });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = outcome.ExpectedParticipants });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = outcome.ActualParticipants });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)outcome.Error ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Double });
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = outcome.EndsAt });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)sales?.ExpectedRoiPercent ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Integer });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)sales?.ActualRoiPercent ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Integer });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)sales?.RoiError ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Double });
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }
}
