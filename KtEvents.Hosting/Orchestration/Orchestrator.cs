using KtEvents.Dashboard.Resources;
using KtEvents.Hosting.ApplicationModel;
using KtEvents.Hosting.Processes;
using KtEvents.Hosting.Resources;

namespace KtEvents.Hosting.Orchestration;

/// <summary>
/// Runs the model: one <see cref="ResourceInstance"/> per server, database, project replica and app,
/// each supervised on its own task; the dashboard reads their snapshots and asks for restarts.
/// Stopping takes the processes down first, then the servers they use.
/// </summary>
internal sealed class Orchestrator : IResourceService
{
    private readonly List<ResourceInstance> instances = [];
    private readonly List<Task> supervisors = [];
    private readonly CancellationTokenSource stopping = new();
    private readonly RunContext context;

    public Orchestrator(IReadOnlyList<IResource> resources, RunContext context)
    {
        this.context = context;
        var byModel = new Dictionary<IResource, List<ResourceInstance>>();
        foreach (var resource in resources)
        {
            var created = Create(resource, byModel).ToList();
            byModel[resource] = created;
            instances.AddRange(created);
        }
        foreach (var resource in resources)
        {
            foreach (var instance in byModel.GetValueOrDefault(resource) ?? [])
            {
                foreach (var wait in resource.Annotations.OfType<WaitAnnotation>())
                {
                    instance.WaitsFor.AddRange(byModel.GetValueOrDefault(wait.Resource) ?? []);
                }
            }
        }
    }

    public IReadOnlyList<ResourceInstance> Instances => instances;

    /// <summary>Fails with the Debian package to install when a binary or service user is missing.</summary>
    public static void CheckPrerequisites(IReadOnlyList<IResource> resources, RunExpressions expressions)
    {
        foreach (var resource in resources.Where(r => r is not IResourceWithConnectionString || expressions.ConfiguredConnectionString(r) is null))
        {
            switch (resource)
            {
                case PostgresServerResource:
                    Binaries.PostgresTool("initdb");
                    Binaries.PostgresTool("postgres");
                    Binaries.RequireUser("postgres", "postgresql");
                    break;
                case RedisResource:
                    Binaries.Require("redis-server", "redis-server");
                    break;
                case RabbitMQServerResource:
                    Binaries.Require("rabbitmq-server", "rabbitmq-server", "/usr/lib/rabbitmq/bin/rabbitmq-server");
                    Binaries.Require("epmd", "erlang-base");
                    Binaries.RequireUser("rabbitmq", "rabbitmq-server");
                    break;
                case NpmAppResource:
                    Binaries.Require("npm", "npm");
                    break;
            }
        }
    }

    public void Start()
    {
        foreach (var instance in instances)
        {
            supervisors.Add(Task.Run(() => instance.RunAsync(stopping.Token)));
        }
    }

    public async Task WaitForHealthyAsync(string name, CancellationToken cancellationToken)
    {
        var matching = instances.Where(i => i.Name == name || i.DisplayName == name).ToList();
        if (matching.Count == 0)
        {
            throw new ArgumentException($"No resource is named '{name}'.", nameof(name));
        }
        await Task.WhenAll(matching.Select(i => i.FirstHealthy)).WaitAsync(cancellationToken);
    }

    public IReadOnlyList<ResourceSnapshot> GetResources() => [.. instances.Select(i => i.Snapshot())];

    public Task<bool> RestartAsync(string resourceName, CancellationToken cancellationToken)
    {
        var instance = instances.FirstOrDefault(i => i.Name == resourceName);
        instance?.RequestRestart();
        return Task.FromResult(instance is not null);
    }

    public async Task StopAsync()
    {
        context.Log.Stopping(instances.Count);
        await stopping.CancelAsync();
        await Task.WhenAll(supervisors);
        await Task.WhenAll(instances.Where(i => !i.IsInfrastructure).Select(i => i.StopAsync()));
        await Task.WhenAll(instances.Where(i => i.IsInfrastructure).Select(i => i.StopAsync()));
    }

    private IEnumerable<ResourceInstance> Create(IResource resource, Dictionary<IResource, List<ResourceInstance>> created)
    {
        if (resource is IResourceWithConnectionString withConnection and not PostgresDatabaseResource
            && context.Expressions.ConfiguredConnectionString(resource) is not null)
        {
            yield return new ExistingServerInstance(withConnection, resource switch
            {
                PostgresServerResource => "Postgres",
                RedisResource => "Redis",
                RabbitMQServerResource => "RabbitMQ",
                _ => resource.GetType().Name,
            }, context);
            yield break;
        }
        switch (resource)
        {
            case ParameterResource:
                yield break;
            case PostgresServerResource postgres:
                yield return new PostgresInstance(postgres, context);
                break;
            case PostgresDatabaseResource database:
                var server = created[database.Server].Single();
                yield return new DatabaseInstance(database, server, context) { WaitsFor = { server } };
                break;
            case RedisResource redis:
                yield return new RedisInstance(redis, context);
                break;
            case RabbitMQServerResource rabbit:
                yield return new RabbitMqInstance(rabbit, context);
                break;
            case ProjectResource project:
                for (var replica = 0; replica < AllocatedEndpoints.Replicas(project); replica++)
                {
                    yield return new ProjectInstance(project, replica, context);
                }
                break;
            case NpmAppResource app:
                yield return new NpmAppInstance(app, context);
                break;
            default:
                throw new NotSupportedException($"Run mode cannot run '{resource.Name}' ({resource.GetType().Name}).");
        }
    }
}
