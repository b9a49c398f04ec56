using KtEvents.AppHost;
using KtEvents.Hosting;
using KtEvents.Hosting.Resources;
using KtEvents.Testing;

using Npgsql;

namespace KtEvents.EndToEnd.Tests.Infrastructure;

/// <summary>
/// The system exactly as KtEvents.AppHost describes it (<see cref="KtEventsApplication.AddKtEvents"/>),
/// run by the AppHost's own orchestrator, on this test run's throwaway Postgres, Redis and RabbitMQ
/// (given as existing servers through ConnectionStrings, as an operator would).
/// </summary>
public sealed class SystemFixture : IAsyncLifetime
{
#if DEBUG
    private const string Configuration = "Debug";
#else
    private const string Configuration = "Release";
#endif

    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "ktevents-test", $"e2e-{Guid.NewGuid():N}"[..16]);
    private PostgresServer _postgres = null!;

    public DistributedApplication App { get; private set; } = null!;

    public Uri Gateway { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_dataDirectory);
        _postgres = await SharedServers.PostgresAsync();
        var redis = await SharedServers.RedisAsync();
        var rabbit = await SharedServers.RabbitMqAsync();

        var builder = new DistributedApplicationBuilder(
            [
                $"--AppHost:DataDirectory={_dataDirectory}",
                "--AppHost:DashboardUrl=http://localhost:0",
                $"--AppHost:BuildConfiguration={Configuration}",
                $"--ConnectionStrings:postgres={_postgres.AdminConnectionString}",
                $"--ConnectionStrings:cache={redis.ConnectionString}",
                $"--ConnectionStrings:messaging={rabbit.ConnectionString}",
                "--Logging:LogLevel:Default=Warning",
            ],
            Path.Combine(AppHostTesting.RepositoryRoot, "KtEvents.AppHost"));
        builder.AddKtEvents();
        // The journey moves an event's period into the past, as time would: the Event service's end
        // sweep then ends it within a second instead of a minute plus the minute's grace for late entries.
        builder.CreateResourceBuilder(builder.Resources.OfType<ProjectResource>().Single(r => r.Name == "event"))
            .WithEnvironment("Events__EndSweepInterval", "00:00:01")
            .WithEnvironment("Events__EndGracePeriod", "00:00:00");
        App = builder.Build();
        await App.StartAsync();
        await AppHostTesting.WaitUntilHealthyAsync(App, "gateway", TimeSpan.FromMinutes(5));
        Gateway = App.GetEndpoint("gateway");
    }

    /// <summary>A connection to a service's own database, to check what a step stored.</summary>
    public NpgsqlDataSource Database(string name) => NpgsqlDataSource.Create(_postgres.ConnectionStringFor(name));

    public async Task DisposeAsync()
    {
        await App.DisposeAsync();
        Directory.Delete(_dataDirectory, recursive: true);
    }
}
