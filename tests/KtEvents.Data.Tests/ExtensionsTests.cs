using System.Collections.Concurrent;
using System.Diagnostics;

using KtEvents.Data.Migrations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace KtEvents.Data.Tests;

public class ExtensionsTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    [Fact]
    public async Task The_host_applies_migrations_before_it_starts_and_reports_the_database_healthy()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration["ConnectionStrings:storedb"] = database.ConnectionString;
        builder.AddNpgsqlDataSource("storedb");
        builder.Services.AddMigrations(new MigrationSet("store", [new(1, "create_stores", "CREATE TABLE stores (id uuid PRIMARY KEY);")]));
        using var host = builder.Build();

        await host.StartAsync();
        var dataSource = host.Services.GetRequiredService<NpgsqlDataSource>();
        var health = await host.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync();
        await host.StopAsync();

        Assert.Equal("stores", await dataSource.ScalarAsync<string>("SELECT to_regclass('stores')::text"));
        Assert.Equal(HealthStatus.Healthy, health.Entries["storedb"].Status);
        Assert.Contains("ready", health.Entries["storedb"].Tags);
    }

    [Fact]
    public async Task A_database_that_does_not_answer_is_reported_unhealthy()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration["ConnectionStrings:storedb"] = "Host=127.0.0.1;Port=1;Username=postgres;Timeout=2";
        builder.AddNpgsqlDataSource("storedb");
        using var host = builder.Build();

        var health = await host.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync();

        Assert.Equal(HealthStatus.Unhealthy, health.Entries["storedb"].Status);
        Assert.Equal("The database did not answer.", health.Entries["storedb"].Description);
    }

    [Fact]
    public async Task Commands_inside_a_trace_are_traced_and_housekeeping_outside_any_trace_is_not()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration["ConnectionStrings:storedb"] = database.ConnectionString;
        builder.AddNpgsqlDataSource("storedb");
        using var host = builder.Build();
        var dataSource = host.Services.GetRequiredService<NpgsqlDataSource>();
        using var parent = new ActivitySource("KtEvents.Data.Tests");
        var spans = new ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name is "Npgsql" or "KtEvents.Data.Tests",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = spans.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);

        await dataSource.ScalarAsync<int>("SELECT 1 AS outside_any_trace");
        using (parent.StartActivity("request"))
        {
            await dataSource.ScalarAsync<int>("SELECT 2 AS inside_a_trace");
        }

        // The listener hears every test's commands: each of these is told by its text.
        static bool Runs(Activity span, string marker) =>
            span.Source.Name == "Npgsql" && span.TagObjects.Any(tag => tag.Value is string text && text.Contains(marker, StringComparison.Ordinal));
        var request = Assert.Single(spans, s => s.Source.Name == "KtEvents.Data.Tests");
        var command = Assert.Single(spans, s => Runs(s, "inside_a_trace"));
        Assert.Equal(request.SpanId, command.ParentSpanId);
        Assert.DoesNotContain(spans, s => Runs(s, "outside_any_trace"));
    }

    [Fact]
    public void A_missing_connection_string_fails_at_startup_naming_the_setting()
    {
        var builder = Host.CreateApplicationBuilder();

        var error = Assert.Throws<InvalidOperationException>(() => builder.AddNpgsqlDataSource("storedb"));

        Assert.Contains("ConnectionStrings__storedb", error.Message);
    }
}
