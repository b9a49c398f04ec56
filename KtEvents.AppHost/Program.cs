using KtEvents.Hosting;
using KtEvents.Hosting.ApplicationModel;

var builder = DistributedApplication.CreateBuilder(args);

// Parameters: Parameters__anthropic-api-key in the environment or user configuration. Without
// it the Ai service answers from its data-driven engine and says so in every response.
builder.AddParameter("anthropic-api-key", secret: true);

// Servers keep their data between runs (under .kt/, which git ignores).
var postgres = builder.AddPostgres("postgres").WithLifetime(ContainerLifetime.Persistent);
foreach (var database in new[] { "userdb", "eventdb", "aidb", "contentdb", "distributiondb", "participationdb", "analyticsdb" })
{
    postgres.AddDatabase(database);
}
builder.AddRedis("cache").WithLifetime(ContainerLifetime.Persistent);
builder.AddRabbitMQ("messaging").WithLifetime(ContainerLifetime.Persistent);

// The services, the gateway, the Sandbox and the web app join this description as they are
// built (issue #4), each with its references, WaitFor and replicas.

return await builder.Build().RunAsync();
