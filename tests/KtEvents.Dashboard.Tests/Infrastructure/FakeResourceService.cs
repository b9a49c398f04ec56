using KtEvents.Dashboard.Resources;

namespace KtEvents.Dashboard.Tests.Infrastructure;

/// <summary>An orchestrator with fixed resources that records the restarts it is asked for.</summary>
public sealed class FakeResourceService(params ResourceSnapshot[] resources) : IResourceService
{
    private readonly List<string> restarted = [];

    public IReadOnlyList<string> Restarted
    {
        get { lock (restarted) { return [.. restarted]; } }
    }

    public IReadOnlyList<ResourceSnapshot> GetResources() => resources;

    public Task<bool> RestartAsync(string resourceName, CancellationToken cancellationToken)
    {
        if (!resources.Any(r => r.Name == resourceName))
        {
            return Task.FromResult(false);
        }

        lock (restarted)
        {
            restarted.Add(resourceName);
        }

        return Task.FromResult(true);
    }

    public static ResourceSnapshot Running(string name, string type, params ResourceUrl[] endpoints) =>
        new(name, name, type, ResourceState.Running, ResourceHealth.Healthy, endpoints, Restarts: 1,
            StartedAt: DateTimeOffset.UtcNow.AddMinutes(-3), ProcessId: 4242, ExitCode: null, Message: null);
}
