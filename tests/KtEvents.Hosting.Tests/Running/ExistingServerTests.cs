using KtEvents.Dashboard.Resources;
using KtEvents.Testing;
using Npgsql;

namespace KtEvents.Hosting.Tests.Running;

[Collection(AppHostCollection.Name)]
public sealed class ExistingServerTests
{
    [Fact]
    public async Task A_configured_connection_string_means_the_existing_server_is_used_and_its_database_created()
    {
        var server = await SharedServers.PostgresAsync();
        var databaseName = $"apphost_{Guid.NewGuid():N}"[..24];
        var dataDirectory = SampleApp.NewDataDirectory();
        try
        {
            var builder = new DistributedApplicationBuilder(
                [$"--AppHost:DataDirectory={dataDirectory}", "--AppHost:DashboardUrl=http://localhost:0",
                 $"--ConnectionStrings:postgres={server.AdminConnectionString}", "--Logging:LogLevel:Default=Warning"],
                Path.Combine(SampleApp.TestsDirectory, "KtEvents.Hosting.Tests"));
            builder.AddPostgres("postgres").AddDatabase("appdb", databaseName);
            await using (var app = builder.Build())
            {
                await app.StartAsync();
                await SampleApp.WaitUntilHealthyAsync(app, "appdb");

                var postgres = app.ResourceService.GetResources().Single(r => r.Name == "postgres");
                Assert.Equal("Postgres (existing)", postgres.Type);
                Assert.Null(postgres.ProcessId);
                Assert.Equal(ResourceHealth.Healthy, postgres.Health);
                // Nothing was started: no server runs from the AppHost's data folder.
                Assert.Empty(SampleApp.ProcessesMentioning(dataDirectory));
            }

            await using var connection = new NpgsqlConnection(server.ConnectionStringFor(databaseName));
            await connection.OpenAsync();
            Assert.Equal(databaseName, connection.Database);
        }
        finally
        {
            Directory.Delete(dataDirectory, recursive: true);
        }
    }
}
