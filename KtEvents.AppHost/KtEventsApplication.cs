using KtEvents.Hosting;
using KtEvents.Hosting.ApplicationModel;
using KtEvents.Hosting.Resources;

namespace KtEvents.AppHost;

/// <summary>
/// The whole system, as an Aspire AppHost describes it: infrastructure, the seven services, the
/// gateway, the Sandbox (run mode only) and the web app, with their references and start order.
/// Program.cs runs it; the end-to-end tests start the same description on their own servers.
/// </summary>
public static class KtEventsApplication
{
    public static IDistributedApplicationBuilder AddKtEvents(this IDistributedApplicationBuilder builder)
    {
        // Servers keep their data between runs (under .kt/, which git ignores).
        var postgres = builder.AddPostgres("postgres").WithLifetime(ContainerLifetime.Persistent);
        var userDb = postgres.AddDatabase("userdb");
        var eventDb = postgres.AddDatabase("eventdb");
        var aiDb = postgres.AddDatabase("aidb");
        var contentDb = postgres.AddDatabase("contentdb");
        var distributionDb = postgres.AddDatabase("distributiondb");
        var participationDb = postgres.AddDatabase("participationdb");
        var analyticsDb = postgres.AddDatabase("analyticsdb");
        var cache = builder.AddRedis("cache").WithLifetime(ContainerLifetime.Persistent);
        var messaging = builder.AddRabbitMQ("messaging").WithLifetime(ContainerLifetime.Persistent);

        var outside = new OutsideParties(builder);

        var user = Service(builder, "user", "User", userDb, cache, messaging);
        outside.Nts(user);

        // Every other service checks owners' tokens against the User service's JWKS (http://user).
        var ai = Service(builder, "ai", "Ai", aiDb, cache, messaging).WithReference(user);
        outside.Claude(ai);
        var content = Service(builder, "content", "Content", contentDb, cache, messaging).WithReference(user);
        var distribution = Service(builder, "distribution", "Distribution", distributionDb, cache, messaging)
            .WithReference(user).WithReference(content);
        outside.Channels(distribution);
        var participation = Service(builder, "participation", "Participation", participationDb, cache, messaging).WithReference(user);
        var analytics = Service(builder, "analytics", "Analytics", analyticsDb, cache, messaging).WithReference(user);
        var @event = Service(builder, "event", "Event", eventDb, cache, messaging)
            .WithReference(user).WithReference(ai).WithReference(content);

        var gateway = builder.AddProject("gateway", "../services/Gateway/KtEvents.Gateway.csproj")
            .WithReference(cache).WaitFor(cache)
            .WithReference(user).WithReference(@event).WithReference(content).WithReference(distribution)
            .WithReference(participation).WithReference(analytics)
            .WaitFor(user).WaitFor(@event).WaitFor(content).WaitFor(distribution).WaitFor(participation).WaitFor(analytics)
            .WithExternalHttpEndpoints();

        // The web app's dev server listens on PORT and proxies /api to services__gateway__http__0.
        builder.AddNpmApp("web", "../web", "dev")
            .WithHttpEndpoint(env: "PORT")
            .WithReference(gateway).WaitFor(gateway)
            .WithExternalHttpEndpoints()
            .PublishAsDockerFile();
        return builder;
    }

    private static IResourceBuilder<ProjectResource> Service(
        IDistributedApplicationBuilder builder,
        string name,
        string folder,
        IResourceBuilder<PostgresDatabaseResource> database,
        IResourceBuilder<RedisResource> cache,
        IResourceBuilder<RabbitMQServerResource> messaging) =>
        builder.AddProject(name, $"../services/{folder}/KtEvents.{folder}.csproj")
            .WithReference(database).WithReference(cache).WithReference(messaging)
            .WaitFor(database).WaitFor(cache).WaitFor(messaging)
            .AsHttp2Service()
            .WithReplicas(1);
}
