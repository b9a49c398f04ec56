using KtEvents.Data.Migrations;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace KtEvents.Data.Tests;

public class MigrationRunnerTests
{
    private static readonly Migration CreateStores = new(1, "create_stores", "CREATE TABLE stores (id uuid PRIMARY KEY, name text NOT NULL);");
    private static readonly Migration AddIndustry = new(2, "add_industry", "ALTER TABLE stores ADD COLUMN industry text;");
    private static readonly Migration AddHours = new(10, "add_hours", "ALTER TABLE stores ADD COLUMN opening_hours text;");

    [Fact]
    public async Task Applies_pending_migrations_in_version_order_once_and_records_checksums()
    {
        await using var db = await TestDatabases.CreateAsync();
        var runner = Runner(db);
        // Given out of order, and 10 after 2 numerically (not "10" < "2" as text).
        var set = new MigrationSet("store", [AddHours, CreateStores, AddIndustry]);

        var first = await runner.ApplyAsync(set);
        var second = await runner.ApplyAsync(set);

        Assert.Equal([1, 2, 10], first.Select(m => m.Version));
        Assert.Empty(second);
        Assert.Equal(["1:" + CreateStores.Checksum, "2:" + AddIndustry.Checksum, "10:" + AddHours.Checksum],
            await db.ColumnAsync("SELECT version || ':' || checksum FROM kt_schema_migrations WHERE scope = 'store' ORDER BY version"));
        Assert.Equal(["id", "name", "industry", "opening_hours"],
            await db.ColumnAsync("SELECT column_name FROM information_schema.columns WHERE table_name = 'stores' ORDER BY ordinal_position"));
    }

    [Fact]
    public async Task An_edited_migration_is_refused_with_a_clear_error_and_nothing_new_is_applied()
    {
        await using var db = await TestDatabases.CreateAsync();
        var runner = Runner(db);
        await runner.ApplyAsync(new MigrationSet("store", [CreateStores, AddIndustry]));

        var edited = AddIndustry with { Sql = "ALTER TABLE stores ADD COLUMN industry varchar(40);" };
        var error = await Assert.ThrowsAsync<MigrationException>(() => runner.ApplyAsync(new MigrationSet("store", [CreateStores, edited, AddHours])));

        Assert.StartsWith("Migration store/0002_add_industry was edited after it was applied", error.Message);
        Assert.Contains("add a new migration instead", error.Message);
        Assert.Equal(0L, await db.ScalarAsync<long>("SELECT count(*) FROM information_schema.columns WHERE column_name = 'opening_hours'"));
        Assert.Equal(2L, await db.ScalarAsync<long>("SELECT count(*) FROM kt_schema_migrations"));
    }

    [Fact]
    public async Task A_deleted_migration_that_was_applied_is_refused()
    {
        await using var db = await TestDatabases.CreateAsync();
        var runner = Runner(db);
        await runner.ApplyAsync(new MigrationSet("store", [CreateStores, AddIndustry]));

        var error = await Assert.ThrowsAsync<MigrationException>(() => runner.ApplyAsync(new MigrationSet("store", [CreateStores])));

        Assert.Contains("0002_add_industry was applied to this database but its script is gone", error.Message);
    }

    [Fact]
    public async Task A_failing_migration_is_rolled_back_whole_and_earlier_ones_stay()
    {
        await using var db = await TestDatabases.CreateAsync();
        var broken = new Migration(2, "half_done", "CREATE TABLE half (id int); INSERT INTO no_such_table VALUES (1);");

        var error = await Assert.ThrowsAsync<MigrationException>(() => Runner(db).ApplyAsync(new MigrationSet("store", [CreateStores, broken])));

        Assert.StartsWith("Migration store/0002_half_done failed and was rolled back", error.Message);
        Assert.Contains("42P01", error.Message);
        Assert.Null(await db.ScalarAsync<string>("SELECT to_regclass('half')::text"));
        Assert.Equal("stores", await db.ScalarAsync<string>("SELECT to_regclass('stores')::text"));
        Assert.Equal(["1"], await db.ColumnAsync("SELECT version FROM kt_schema_migrations"));
    }

    [Fact]
    public async Task Scopes_keep_separate_histories_in_one_database()
    {
        await using var db = await TestDatabases.CreateAsync();
        var runner = Runner(db);
        var outbox = new Migration(1, "create_outbox", "CREATE TABLE outbox (id uuid PRIMARY KEY);");

        await runner.ApplyAsync(new MigrationSet("store", [CreateStores]));
        await runner.ApplyAsync(new MigrationSet("messaging", [outbox]));

        Assert.Equal(["messaging/1", "store/1"], await db.ColumnAsync("SELECT scope || '/' || version FROM kt_schema_migrations ORDER BY scope"));
    }

    [Fact]
    public async Task Eight_runners_starting_together_apply_each_migration_once()
    {
        await using var db = await TestDatabases.CreateAsync();
        var log = new Migration(1, "create_log", "CREATE TABLE log (n int); INSERT INTO log VALUES (1); SELECT pg_sleep(0.2);");
        var more = new Migration(2, "more", "INSERT INTO log VALUES (2);");
        var set = new MigrationSet("race", [log, more]);

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => Runner(db).ApplyAsync(set))));

        Assert.Equal(2, results.Sum(r => r.Count));
        Assert.Equal(["1", "2"], await db.ColumnAsync("SELECT n FROM log ORDER BY n"));
    }

    [Fact]
    public async Task Two_processes_migrating_one_database_at_the_same_moment_apply_each_migration_once()
    {
        await using var db = await TestDatabases.CreateAsync();
        var probe = Path.Combine(AppContext.BaseDirectory.Replace("KtEvents.Data.Tests", "KtEvents.Data.Tests.MigratorProbe"), "KtEvents.Data.Tests.MigratorProbe.dll");
        Assert.True(File.Exists(probe), $"{probe} was not built");
        // Both processes sleep until the same instant, far enough ahead to cover their start-up.
        var startAt = DateTimeOffset.UtcNow.AddSeconds(3).ToUnixTimeMilliseconds().ToString();

        var outputs = await Task.WhenAll(RunProbeAsync(probe, db.ConnectionString, startAt), RunProbeAsync(probe, db.ConnectionString, startAt));

        // One process applied all three; the other waited on the lock, then found nothing to do.
        Assert.Equal(["applied=", "applied=1,2,10"], outputs.Order());
        Assert.Equal(["1", "2", "10"], await db.ColumnAsync("SELECT migration FROM migration_log ORDER BY id"));
        Assert.Single(await db.ColumnAsync("SELECT DISTINCT backend FROM migration_log"));
        Assert.Equal(3L, await db.ScalarAsync<long>("SELECT count(*) FROM kt_schema_migrations WHERE scope = 'probe'"));
    }

    private static async Task<string> RunProbeAsync(string probe, string connectionString, string startAt)
    {
        var info = new System.Diagnostics.ProcessStartInfo("dotnet", [probe, connectionString, startAt])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = System.Diagnostics.Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        Assert.True(process.ExitCode == 0, $"probe failed: {await error}");
        return (await output).Trim();
    }

    private static MigrationRunner Runner(NpgsqlDataSource dataSource) => new(dataSource, NullLogger<MigrationRunner>.Instance);
}
