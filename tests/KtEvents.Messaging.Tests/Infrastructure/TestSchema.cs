using Npgsql;

namespace KtEvents.Messaging.Tests.Infrastructure;

/// <summary>The tables of the pretend services: their state, and the handlers' side effects.</summary>
internal static class TestSchema
{
    public static async Task CreateAsync(NpgsqlDataSource dataSource)
    {
        await using var command = dataSource.CreateCommand(
            """
            CREATE TABLE IF NOT EXISTS orders (id uuid PRIMARY KEY, customer_name text NOT NULL);
            CREATE TABLE IF NOT EXISTS handled_events (
                id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                consumer text NOT NULL,
                event_id uuid NOT NULL,
                attempt integer NOT NULL);
            """);
        await command.ExecuteNonQueryAsync();
    }

    public static async Task<long> ScalarAsync(NpgsqlDataSource dataSource, string sql, params (string Name, object Value)[] parameters)
    {
        await using var command = dataSource.CreateCommand(sql);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }
        return Convert.ToInt64(await command.ExecuteScalarAsync());
    }
}
