using KtEvents.Ai.Infrastructure.Seeding;
using KtEvents.Ai.Tests.Infrastructure;
using KtEvents.Data.Migrations;
using KtEvents.Testing;

using Microsoft.Extensions.Logging.Abstractions;

using Npgsql;

namespace KtEvents.Ai.Tests;

[Collection(AiServiceCollection.Name)]
public sealed class SyntheticDatasetSeederTests(AiServiceFixture service)
{
    [Fact]
    public async Task UFR_AI_010_the_service_starts_with_400_synthetic_cases_seeded_once()
    {
        Assert.Equal(400, await service.ScalarAsync("SELECT count(*) FROM success_cases WHERE synthetic AND source LIKE 'synthetic:%'"));
        Assert.Equal(1, await service.ScalarAsync("SELECT count(*) FROM dataset_seeds"));
    }

    [Fact]
    public async Task UFR_AI_010_replicas_seeding_at_once_seed_the_dataset_exactly_once()
    {
        var postgres = await SharedServers.PostgresAsync();
        await using var dataSource = NpgsqlDataSource.Create(await postgres.CreateDatabaseAsync($"ai_seed_{Guid.NewGuid():N}"));
        await new MigrationRunner(dataSource, NullLogger<MigrationRunner>.Instance)
            .ApplyAsync(MigrationSet.FromAssembly(typeof(SyntheticDatasetSeeder).Assembly, "ai"));

        var replicas = Enumerable.Range(0, 3)
            .Select(_ => new SyntheticDatasetSeeder(dataSource, TimeProvider.System, NullLogger<SyntheticDatasetSeeder>.Instance))
            .Select(seeder => seeder.StartingAsync(CancellationToken.None));
        await Task.WhenAll(replicas);
        await new SyntheticDatasetSeeder(dataSource, TimeProvider.System, NullLogger<SyntheticDatasetSeeder>.Instance).StartingAsync(CancellationToken.None);

        await using var command = dataSource.CreateCommand("SELECT (SELECT count(*) FROM success_cases), (SELECT count(*) FROM dataset_seeds)");
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        Assert.Equal(400, reader.GetInt64(0));
        Assert.Equal(1, reader.GetInt64(1));
    }
}
