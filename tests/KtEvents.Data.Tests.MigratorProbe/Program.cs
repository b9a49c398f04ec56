using KtEvents.Data.Migrations;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

// args: <connection string> <start at, unix ms>
var startAt = DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(args[1]));
await using var dataSource = NpgsqlDataSource.Create(args[0]);
var set = MigrationSet.FromAssembly(typeof(Program).Assembly, "probe");
var wait = startAt - DateTimeOffset.UtcNow;
if (wait > TimeSpan.Zero)
{
    await Task.Delay(wait);
}
var applied = await new MigrationRunner(dataSource, NullLogger<MigrationRunner>.Instance).ApplyAsync(set);
Console.WriteLine($"applied={string.Join(',', applied.Select(m => m.Version))}");
