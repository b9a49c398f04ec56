using KtEvents.Ai.Model;

using Npgsql;

using NpgsqlTypes;

namespace KtEvents.Ai.Infrastructure.Seeding;

/// <summary>
/// Seeds the synthetic dataset once per database, before the service answers (registered after the
/// migrations, whose StartingAsync runs first). Replicas starting together queue on a transaction-level
/// advisory lock; whoever comes second finds the <c>dataset_seeds</c> row and does nothing. The dates
/// are anchored on the day of seeding, so the "last three months" have cases from the start.
/// </summary>
internal sealed partial class SyntheticDatasetSeeder(
    NpgsqlDataSource dataSource, TimeProvider timeProvider, ILogger<SyntheticDatasetSeeder> logger) : IHostedLifecycleService
{
    public const string DatasetName = "synthetic-v1";

    private const long AdvisoryLockKey = 0x4B5441495345; // "KTAISE"

    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var lockCommand = new NpgsqlCommand($"SELECT pg_advisory_xact_lock({AdvisoryLockKey})", connection, transaction))
        {
            await lockCommand.ExecuteNonQueryAsync(cancellationToken);
        }
        await using (var exists = new NpgsqlCommand("SELECT EXISTS (SELECT 1 FROM dataset_seeds WHERE name = $1)", connection, transaction))
        {
            exists.Parameters.Add(new NpgsqlParameter { Value = DatasetName });
            if ((bool)(await exists.ExecuteScalarAsync(cancellationToken))!)
            {
                return;
            }
        }

        var anchor = SeoulClock.Today(timeProvider);
        var cases = SyntheticCaseGenerator.Generate(anchor);
        await CopyAsync(connection, cases, cancellationToken);
        await using (var marker = new NpgsqlCommand(
            "INSERT INTO dataset_seeds (name, seed, case_count, anchor_date) VALUES ($1, $2, $3, $4)", connection, transaction))
        {
            marker.Parameters.Add(new NpgsqlParameter { Value = DatasetName });
            marker.Parameters.Add(new NpgsqlParameter { Value = SyntheticCaseGenerator.DefaultSeed });
            marker.Parameters.Add(new NpgsqlParameter { Value = cases.Count });
            marker.Parameters.Add(new NpgsqlParameter { Value = anchor });
            await marker.ExecuteNonQueryAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        LogSeeded(logger, cases.Count, anchor);
    }

    private static async Task CopyAsync(NpgsqlConnection connection, IReadOnlyList<SuccessCase> cases, CancellationToken cancellationToken)
    {
        // COPY joins the open transaction, so the cases and the marker commit together.
        await using var importer = await connection.BeginBinaryImportAsync("""
            COPY success_cases (id, title, industry, city, district, season, event_date, budget_tier, budget_krw,
                event_type, prize, participation_method, kind, participants, cost_krw, roi_percent, synthetic, source)
            FROM STDIN (FORMAT BINARY)
            """, cancellationToken);
        foreach (var c in cases)
        {
            await importer.StartRowAsync(cancellationToken);
            await importer.WriteAsync(Guid.CreateVersion7(), NpgsqlDbType.Uuid, cancellationToken);
            await importer.WriteAsync(c.Title, NpgsqlDbType.Text, cancellationToken);
            await importer.WriteAsync(c.Industry, NpgsqlDbType.Text, cancellationToken);
            await importer.WriteAsync(c.City, NpgsqlDbType.Text, cancellationToken);
            await importer.WriteAsync(c.District, NpgsqlDbType.Text, cancellationToken);
            await importer.WriteAsync(Seasons.Code(c.Season), NpgsqlDbType.Text, cancellationToken);
            await importer.WriteAsync(c.EventDate, NpgsqlDbType.Date, cancellationToken);
            await importer.WriteAsync(c.BudgetTier, NpgsqlDbType.Text, cancellationToken);
            await importer.WriteAsync(c.BudgetKrw, NpgsqlDbType.Bigint, cancellationToken);
            await importer.WriteAsync(c.EventType, NpgsqlDbType.Text, cancellationToken);
            await importer.WriteAsync(c.Prize, NpgsqlDbType.Text, cancellationToken);
            await importer.WriteAsync(c.ParticipationMethod, NpgsqlDbType.Text, cancellationToken);
            await importer.WriteAsync(c.Kind, NpgsqlDbType.Text, cancellationToken);
            await importer.WriteAsync(c.Participants, NpgsqlDbType.Integer, cancellationToken);
            await importer.WriteAsync(c.CostKrw, NpgsqlDbType.Bigint, cancellationToken);
            await importer.WriteAsync(c.RoiPercent, NpgsqlDbType.Integer, cancellationToken);
            await importer.WriteAsync(true, NpgsqlDbType.Boolean, cancellationToken);
            await importer.WriteAsync(SyntheticCaseGenerator.Source, NpgsqlDbType.Text, cancellationToken);
        }
        await importer.CompleteAsync(cancellationToken);
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Seeded {Count} synthetic success cases anchored on {Anchor}")]
    private static partial void LogSeeded(ILogger logger, int count, DateOnly anchor);
}
