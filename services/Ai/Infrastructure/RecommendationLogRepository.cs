using Google.Protobuf;

using KtEvents.Ai.Model;
using KtEvents.Contracts.Ai.V1;

using Npgsql;

using NpgsqlTypes;

namespace KtEvents.Ai.Infrastructure;

/// <summary>Writes <c>recommendation_log</c>: one row per reply served, with the reply as JSON.</summary>
public sealed class RecommendationLogRepository(NpgsqlDataSource dataSource)
{
    private static readonly JsonFormatter Json = new(JsonFormatter.Settings.Default.WithFormatDefaultValues(true));

    public async Task AddAsync(Guid ownerId, RecommendationInput input, RecommendReply reply, int elapsedMilliseconds, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            INSERT INTO recommendation_log
                (id, owner_id, industry, city, district, purpose, event_date, engine, cache_hit, synthetic_data, elapsed_ms, reply)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
            """);
        var metadata = reply.Metadata;
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = Guid.Parse(metadata.RecommendationId) });
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = ownerId });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = input.Industry });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = input.Region.City });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = input.Region.District });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = input.Purpose.ToString() });
        command.Parameters.Add(new NpgsqlParameter<DateOnly> { TypedValue = input.Date });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = metadata.Engine });
        command.Parameters.Add(new NpgsqlParameter<bool> { TypedValue = metadata.CacheHit });
        command.Parameters.Add(new NpgsqlParameter<bool> { TypedValue = metadata.SyntheticData });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = elapsedMilliseconds });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = Json.Format(reply), NpgsqlDbType = NpgsqlDbType.Jsonb });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
