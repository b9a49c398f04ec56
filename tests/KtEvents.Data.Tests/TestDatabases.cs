using Npgsql;

namespace KtEvents.Data.Tests;

/// <summary>Migration tests each need an empty database of their own on the shared server.</summary>
internal static class TestDatabases
{
    public static async Task<NpgsqlDataSource> CreateAsync()
    {
        var server = await SharedServers.PostgresAsync();
        var connectionString = await server.CreateDatabaseAsync($"mig_{Guid.NewGuid():N}");
        return NpgsqlDataSource.Create(connectionString);
    }

    public static async Task<T?> ScalarAsync<T>(this NpgsqlDataSource dataSource, string sql)
    {
        await using var command = dataSource.CreateCommand(sql);
        var value = await command.ExecuteScalarAsync();
        return value is DBNull or null ? default : (T)value;
    }

    public static async Task<List<string>> ColumnAsync(this NpgsqlDataSource dataSource, string sql)
    {
        await using var command = dataSource.CreateCommand(sql);
        await using var reader = await command.ExecuteReaderAsync();
        var values = new List<string>();
        while (await reader.ReadAsync())
        {
            values.Add(Convert.ToString(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture)!);
        }
        return values;
    }
}
