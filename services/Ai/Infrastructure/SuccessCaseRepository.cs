using System.Text;

using KtEvents.Ai.Model;

using Npgsql;

using NpgsqlTypes;

namespace KtEvents.Ai.Infrastructure;

/// <summary>The SQL over <c>success_cases</c>: counts and aggregates for the trends, and similar cases for the plans.</summary>
public sealed class SuccessCaseRepository(NpgsqlDataSource dataSource)
{
    /// <summary>How many cases each scope holds, in one round trip.</summary>
    public async Task<int[]> CountAsync(IReadOnlyList<TrendScope> scopes, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand();
        var columns = new StringBuilder();
        for (var i = 0; i < scopes.Count; i++)
        {
            columns.Append(i == 0 ? "" : ", ").Append($"count(*) FILTER (WHERE {Predicate(command.Parameters, scopes[i], $"s{i}")})");
        }
        command.CommandText = $"SELECT {columns} FROM success_cases";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return [.. Enumerable.Range(0, scopes.Count).Select(i => (int)reader.GetInt64(i))];
    }

    /// <summary>The aggregates of each scope, in one round trip (a batch of four queries per scope).</summary>
    public async Task<ScopeAggregate[]> AggregateAsync(IReadOnlyList<TrendScope> scopes, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var batch = new NpgsqlBatch(connection);
        for (var i = 0; i < scopes.Count; i++)
        {
            AddCommand(batch, scopes[i], $"s{i}", where => $"""
                SELECT count(roi_percent), count(*) FILTER (WHERE roi_percent >= {ScopeAggregate.SuccessRoiPercent}),
                       coalesce(round(avg(roi_percent)), 0)::int, coalesce(round(avg(participants)), 0)::int
                FROM success_cases WHERE {where}
                """);
            AddCommand(batch, scopes[i], $"s{i}", where => Ranking("event_type", where, successesOnly: true, orderByRoi: false, limit: 3));
            AddCommand(batch, scopes[i], $"s{i}", where => Ranking("prize", where, successesOnly: true, orderByRoi: false, limit: 5));
            AddCommand(batch, scopes[i], $"s{i}", where => Ranking("event_type", where, successesOnly: false, orderByRoi: true, limit: 3));
        }

        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        var aggregates = new ScopeAggregate[scopes.Count];
        for (var i = 0; i < scopes.Count; i++)
        {
            await reader.ReadAsync(cancellationToken);
            var (cases, successes, roi, participants) = ((int)reader.GetInt64(0), (int)reader.GetInt64(1), reader.GetInt32(2), reader.GetInt32(3));
            await reader.NextResultAsync(cancellationToken);
            var eventTypes = await ReadRankingAsync(reader, cancellationToken);
            var prizes = await ReadRankingAsync(reader, cancellationToken);
            var methods = await ReadRankingAsync(reader, cancellationToken);
            aggregates[i] = new ScopeAggregate(scopes[i], cases, successes, roi, participants, eventTypes, prizes, methods);
        }
        return aggregates;
    }

    /// <summary>
    /// The five past events closest to each slot (seed 003 §4.2's filter: budget within ±50 % of the
    /// slot's), same industry first, then by match score (kind 2, district 2 or city 1, season 1), then ROI.
    /// Other industries fill in only where the store's industry has fewer than five. Outcomes without a
    /// known ROI are left out: a plan's expected ROI comes from these cases.
    /// </summary>
    public async Task<Dictionary<string, List<SimilarCase>>> FindSimilarAsync(
        RecommendationInput input, IReadOnlyList<PlanSlot> slots, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT s.plan_id, c.event_type, c.prize, c.kind, c.participants, c.cost_krw, c.roi_percent, c.same_industry
            FROM unnest(@plan_ids, @kinds, @min_budgets, @max_budgets) AS s(plan_id, kind, min_budget, max_budget)
            CROSS JOIN LATERAL (
                SELECT sc.event_type, sc.prize, sc.kind, sc.participants, sc.cost_krw, sc.roi_percent,
                       sc.industry = @industry AS same_industry
                FROM success_cases sc
                WHERE sc.budget_krw BETWEEN s.min_budget AND s.max_budget
                  AND sc.roi_percent IS NOT NULL
                ORDER BY sc.industry = @industry DESC,
                         (CASE WHEN sc.kind = s.kind THEN 2 ELSE 0 END)
                         + (CASE WHEN sc.city = @city AND sc.district = @district THEN 2 WHEN sc.city = @city THEN 1 ELSE 0 END)
                         + (CASE WHEN sc.season = @season THEN 1 ELSE 0 END) DESC,
                         sc.roi_percent DESC
                LIMIT 5) c
            """);
        command.Parameters.Add(new NpgsqlParameter<string[]>("plan_ids", [.. slots.Select(s => s.PlanId)]));
        command.Parameters.Add(new NpgsqlParameter<string[]>("kinds", [.. slots.Select(s => s.KindCode)]));
        command.Parameters.Add(new NpgsqlParameter<long[]>("min_budgets", [.. slots.Select(s => s.Band.SimilarMinKrw)]));
        command.Parameters.Add(new NpgsqlParameter<long[]>("max_budgets", [.. slots.Select(s => s.Band.SimilarMaxKrw)]));
        command.Parameters.Add(new NpgsqlParameter<string>("industry", input.Industry));
        command.Parameters.Add(new NpgsqlParameter<string>("city", input.Region.City));
        command.Parameters.Add(new NpgsqlParameter<string>("district", input.Region.District));
        command.Parameters.Add(new NpgsqlParameter<string>("season", Seasons.Code(input.Season)));

        var similar = slots.ToDictionary(s => s.PlanId, _ => new List<SimilarCase>());
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            similar[reader.GetString(0)].Add(new SimilarCase(
                reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetInt32(4), reader.GetInt64(5), reader.GetInt32(6), reader.GetBoolean(7)));
        }
        return similar;
    }

    private static string Ranking(string column, string where, bool successesOnly, bool orderByRoi, int limit)
    {
        // Every ranking reports an average ROI, so outcomes without a known ROI stay out of them.
        var success = successesOnly ? $" AND roi_percent >= {ScopeAggregate.SuccessRoiPercent}" : " AND roi_percent IS NOT NULL";
        // Methods need two cases before their average means anything; popularity rankings do not.
        var having = orderByRoi ? " HAVING count(*) >= 2" : "";
        var order = orderByRoi ? "avg(roi_percent) DESC, count(*) DESC" : "count(*) DESC, avg(roi_percent) DESC";
        return $"""
            SELECT {column}, count(*)::int, round(avg(roi_percent))::int
            FROM success_cases WHERE {where}{success}
            GROUP BY {column}{having}
            ORDER BY {order}, {column}
            LIMIT {limit}
            """;
    }

    private static void AddCommand(NpgsqlBatch batch, TrendScope scope, string prefix, Func<string, string> sql)
    {
        var command = batch.CreateBatchCommand();
        command.CommandText = sql(Predicate(command.Parameters, scope, prefix));
        batch.BatchCommands.Add(command);
    }

    /// <summary>The scope as a WHERE condition, its values as parameters named after <paramref name="prefix"/>.</summary>
    private static string Predicate(NpgsqlParameterCollection parameters, TrendScope scope, string prefix)
    {
        var conditions = new List<string> { $"event_date >= @{prefix}_since" };
        parameters.Add(new NpgsqlParameter<DateOnly>($"{prefix}_since", NpgsqlDbType.Date) { TypedValue = scope.Since });
        Add("industry", scope.Industry);
        Add("city", scope.City);
        Add("district", scope.District);
        Add("season", scope.Season is { } season ? Seasons.Code(season) : null);
        return string.Join(" AND ", conditions);

        void Add(string column, string? value)
        {
            if (value is not null)
            {
                conditions.Add($"{column} = @{prefix}_{column}");
                parameters.Add(new NpgsqlParameter<string>($"{prefix}_{column}", value));
            }
        }
    }

    private static async Task<IReadOnlyList<RankedValue>> ReadRankingAsync(NpgsqlDataReader reader, CancellationToken cancellationToken)
    {
        var values = new List<RankedValue>();
        while (await reader.ReadAsync(cancellationToken))
        {
            values.Add(new RankedValue(reader.GetString(0), reader.GetInt32(1), reader.GetInt32(2)));
        }
        await reader.NextResultAsync(cancellationToken);
        return values;
    }
}
