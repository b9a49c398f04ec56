using KtEvents.Ai.Feedback;

using Npgsql;

namespace KtEvents.Ai.Infrastructure;

/// <summary>Writes <c>recommendation_feedback</c>, next to the <c>recommendation_log</c> row it is about.</summary>
public sealed class RecommendationFeedbackRepository(NpgsqlDataSource dataSource)
{
    /// <summary>
    /// Records the feedback if the recommendation is the owner's; false if it is not (or does not
    /// exist), which the caller answers alike. The same (recommendation, kind, plan) again keeps one
    /// row and takes the latest edits, so a retried call is harmless.
    /// </summary>
    public async Task<bool> RecordAsync(Guid ownerId, RecommendationFeedback feedback, CancellationToken cancellationToken)
    {
        // One statement: the owner check and the write cannot be separated by a concurrent change.
        await using var command = dataSource.CreateCommand("""
            INSERT INTO recommendation_feedback (id, recommendation_id, owner_id, kind, plan_id, edited_title, edited_prize)
            SELECT $1, l.id, l.owner_id, $4, $5, $6, $7
            FROM recommendation_log l
            WHERE l.id = $2 AND l.owner_id = $3
            ON CONFLICT (recommendation_id, kind, plan_id) DO UPDATE
                SET edited_title = EXCLUDED.edited_title, edited_prize = EXCLUDED.edited_prize, updated_at = now()
            RETURNING 1
            """);
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = Guid.CreateVersion7() });
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = feedback.RecommendationId });
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = ownerId });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = feedback.Kind });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = feedback.PlanId });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)feedback.EditedTitle ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)feedback.EditedPrize ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        return await command.ExecuteScalarAsync(cancellationToken) is not null;
    }
}
