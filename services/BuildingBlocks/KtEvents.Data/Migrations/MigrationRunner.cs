using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace KtEvents.Data.Migrations;

/// <summary>
/// Applies a <see cref="MigrationSet"/> to the service's database: pending scripts in version order,
/// each in its own transaction together with its row in <c>kt_schema_migrations</c>. The whole run
/// holds a session-level advisory lock, so replicas starting at once queue up and each script is
/// applied exactly once. A script whose checksum no longer matches what was applied is refused:
/// history is changed by adding a migration, never by editing one.
/// </summary>
public sealed partial class MigrationRunner(NpgsqlDataSource dataSource, ILogger<MigrationRunner> logger)
{
    /// <summary>Advisory locks are per database, so one key serves every service ("KTMIGR").</summary>
    private const long AdvisoryLockKey = 0x4B544D494752;

    private const string HistoryTable = "kt_schema_migrations";

    public async Task<IReadOnlyList<Migration>> ApplyAsync(MigrationSet set, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await ExecuteAsync(connection, $"SELECT pg_advisory_lock({AdvisoryLockKey})", cancellationToken);
        try
        {
            await ExecuteAsync(connection, $"""
                CREATE TABLE IF NOT EXISTS {HistoryTable} (
                    scope      text        NOT NULL,
                    version    integer     NOT NULL,
                    name       text        NOT NULL,
                    checksum   text        NOT NULL,
                    applied_at timestamptz NOT NULL DEFAULT now(),
                    PRIMARY KEY (scope, version))
                """, cancellationToken);
            var applied = await ReadAppliedAsync(connection, set.Scope, cancellationToken);
            Verify(set, applied);

            var pending = set.Migrations.Where(m => !applied.ContainsKey(m.Version)).ToList();
            foreach (var migration in pending)
            {
                await ApplyOneAsync(connection, set.Scope, migration, cancellationToken);
            }
            if (pending.Count == 0)
            {
                LogUpToDate(logger, set.Scope, set.Migrations.Count);
            }
            return pending;
        }
        finally
        {
            // Closing the session would release the lock too; unlocking keeps a pooled connection clean.
            await ExecuteAsync(connection, $"SELECT pg_advisory_unlock({AdvisoryLockKey})", CancellationToken.None);
        }
    }

    private async Task ApplyOneAsync(NpgsqlConnection connection, string scope, Migration migration, CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        try
        {
            await using (var script = new NpgsqlCommand(migration.Sql, connection, transaction))
            {
                await script.ExecuteNonQueryAsync(cancellationToken);
            }
            await using (var record = new NpgsqlCommand(
                $"INSERT INTO {HistoryTable} (scope, version, name, checksum) VALUES (@scope, @version, @name, @checksum)",
                connection, transaction))
            {
                record.Parameters.AddWithValue("scope", scope);
                record.Parameters.AddWithValue("version", migration.Version);
                record.Parameters.AddWithValue("name", migration.Name);
                record.Parameters.AddWithValue("checksum", migration.Checksum);
                await record.ExecuteNonQueryAsync(cancellationToken);
            }
            await transaction.CommitAsync(cancellationToken);
        }
        catch (PostgresException ex)
        {
            throw new MigrationException(
                $"Migration {scope}/{migration} failed and was rolled back: {ex.MessageText} (SQLSTATE {ex.SqlState}).", ex);
        }
        LogApplied(logger, scope, migration.ToString(), stopwatch.ElapsedMilliseconds);
    }

    private static void Verify(MigrationSet set, Dictionary<int, (string Name, string Checksum)> applied)
    {
        foreach (var (version, (name, checksum)) in applied.OrderBy(a => a.Key))
        {
            var script = set.Migrations.FirstOrDefault(m => m.Version == version)
                ?? throw new MigrationException(
                    $"Migration {set.Scope}/{version:D4}_{name} was applied to this database but its script is gone. Restore the script; never delete an applied migration.");
            if (script.Checksum != checksum)
            {
                throw new MigrationException(
                    $"Migration {set.Scope}/{script} was edited after it was applied (checksum {checksum[..12]}… applied, {script.Checksum[..12]}… now). Revert the edit and add a new migration instead.");
            }
        }
    }

    private static async Task<Dictionary<int, (string Name, string Checksum)>> ReadAppliedAsync(
        NpgsqlConnection connection, string scope, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand($"SELECT version, name, checksum FROM {HistoryTable} WHERE scope = @scope", connection);
        command.Parameters.AddWithValue("scope", scope);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var applied = new Dictionary<int, (string, string)>();
        while (await reader.ReadAsync(cancellationToken))
        {
            applied[reader.GetInt32(0)] = (reader.GetString(1), reader.GetString(2));
        }
        return applied;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    [LoggerMessage(LogLevel.Information, "Applied migration {Scope}/{Migration} in {ElapsedMilliseconds} ms")]
    private static partial void LogApplied(ILogger logger, string scope, string migration, long elapsedMilliseconds);

    [LoggerMessage(LogLevel.Information, "Schema {Scope} is up to date ({Count} migrations)")]
    private static partial void LogUpToDate(ILogger logger, string scope, int count);
}
