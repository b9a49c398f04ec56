using KtEvents.Ai.Model;

using Npgsql;

using NpgsqlTypes;

namespace KtEvents.Ai.Infrastructure;

/// <summary>
/// Writes an ended event's outcome in the handler's transaction (committed with the inbox row): the
/// real success case and the prediction's accuracy. Both are keyed by the event, so EventEnded
/// published again under a new message id (which the inbox cannot recognise) changes nothing.
/// </summary>
public sealed class OutcomeRepository
{
    /// <summary>Adds the outcome; true if anything was new (the industry's data then changed).</summary>
    public async Task<(bool CaseAdded, bool AccuracyAdded)> AddAsync(EventOutcome outcome, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        var caseAdded = outcome.Case is { } real && await AddCaseAsync(real, outcome.Source, transaction, cancellationToken);
        var accuracyAdded = await AddAccuracyAsync(outcome, transaction, cancellationToken);
        return (caseAdded, accuracyAdded);
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

    private static async Task<bool> AddAccuracyAsync(EventOutcome outcome, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("""
            INSERT INTO prediction_accuracy
                (event_id, recommendation_id, plan_id, industry, expected_participants, actual_participants, error, ended_at)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
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
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }
}
