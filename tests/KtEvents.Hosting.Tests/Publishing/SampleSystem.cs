using KtEvents.Hosting;
using KtEvents.Hosting.ApplicationModel;

namespace KtEvents.Hosting.Tests.Publishing;

/// <summary>
/// A system shaped like KtEvents (servers, databases, gRPC services, a gateway and a web app) in a
/// scratch folder with the project files and the web app's package.json and Dockerfile it points at.
/// </summary>
internal sealed class SampleSystem : IDisposable
{
    public SampleSystem(params string[] args)
    {
        Root = Path.Combine(Path.GetTempPath(), "kt-apphost-" + Guid.NewGuid().ToString("N")[..12]);
        foreach (var project in new[] { "Gateway", "Event", "Ai" })
        {
            Directory.CreateDirectory(Path.Combine(Root, "services", project));
            File.WriteAllText(Path.Combine(Root, "services", project, $"KtEvents.{project}.csproj"), "<Project Sdk=\"Microsoft.NET.Sdk.Web\" />");
        }
        Directory.CreateDirectory(Path.Combine(Root, "web"));
        File.WriteAllText(Path.Combine(Root, "web", "package.json"), "{\"name\":\"web\",\"scripts\":{\"dev\":\"vite\"}}");
        File.WriteAllText(Path.Combine(Root, "web", "Dockerfile"), "FROM nginx:1.27-alpine\n");
        Directory.CreateDirectory(Path.Combine(Root, "KtEvents.AppHost"));

        Builder = new DistributedApplicationBuilder(args, Path.Combine(Root, "KtEvents.AppHost"));
        var claudeKey = Builder.AddParameter("anthropic-api-key", secret: true);
        var postgres = Builder.AddPostgres("postgres");
        var eventDb = postgres.AddDatabase("eventdb");
        var aiDb = postgres.AddDatabase("aidb");
        var cache = Builder.AddRedis("cache");
        var messaging = Builder.AddRabbitMQ("messaging");

        var ai = Builder.AddProject("ai", "../services/Ai/KtEvents.Ai.csproj").AsHttp2Service()
            .WithReference(aiDb).WithReference(cache).WithReference(messaging)
            .WithEnvironment("Claude__ApiKey", claudeKey)
            .WaitFor(aiDb).WithReplicas(2);
        var @event = Builder.AddProject("event", "../services/Event/KtEvents.Event.csproj").AsHttp2Service()
            .WithReference(eventDb).WithReference(cache).WithReference(messaging).WithReference(ai)
            .WaitFor(eventDb).WaitFor(ai);
        var gateway = Builder.AddProject("gateway", "../services/Gateway/KtEvents.Gateway.csproj")
            .WithReference(cache).WithReference(@event).WithReference(ai)
            .WaitFor(@event).WithExternalHttpEndpoints();
        Builder.AddNpmApp("web", "../web", "dev")
            .WithReference(gateway).WithHttpEndpoint(env: "PORT").WithExternalHttpEndpoints()
            .PublishAsDockerFile();
    }

    public string Root { get; }

    public DistributedApplicationBuilder Builder { get; }

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
