using Npgsql;

namespace KtEvents.Hosting.Local;

/// <summary>Creates the system's databases on a server, local or given by configuration.</summary>
public static class PostgresDatabases
{
    /// <summary>Database names go into DDL, which takes no parameters, so they are checked first.</summary>
    public static void Check(string name)
    {
        if (!name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_') || name.Length is 0 or > 63)
        {
            throw new ArgumentException("Database names are 1–63 ASCII letters, digits or underscores.", nameof(name));
        }
    }

    /// <summary>Creates the database unless it exists (the AppHost's databases survive persistent runs).</summary>
    /// <param name="serverConnectionString">Any connection string to the server whose user may create databases.</param>
    public static async Task EnsureAsync(string serverConnectionString, string name, CancellationToken cancellationToken = default)
    {
        Check(name);
        var admin = new NpgsqlConnectionStringBuilder(serverConnectionString) { Database = "postgres", Pooling = false };
        await using var connection = new NpgsqlConnection(admin.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = $1", connection) { Parameters = { new() { Value = name } } };
        if (await exists.ExecuteScalarAsync(cancellationToken) is null)
        {
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await create.ExecuteNonQueryAsync(cancellationToken);
        }
    }
}
