using KtEvents.Hosting.ApplicationModel;
using KtEvents.Hosting.Processes;

namespace KtEvents.Hosting.Orchestration;

/// <summary>
/// The ports of every endpoint of every replica, chosen before anything starts so that each
/// process's environment can name the others'. A port fixed in the model is kept (only for a single
/// replica); every other one is a free loopback port. A server's target port is the one inside its
/// container image (5432, 6379, 5672); run from a binary on this machine it takes a free port
/// instead, so it never meets the machine's own server.
/// </summary>
internal sealed class AllocatedEndpoints
{
    private readonly Dictionary<(string Resource, string Endpoint), int[]> ports = [];

    public AllocatedEndpoints(IEnumerable<IResource> resources)
    {
        foreach (var resource in resources)
        {
            var replicas = Replicas(resource);
            foreach (var endpoint in resource.Annotations.OfType<EndpointAnnotation>())
            {
                var fixedPort = resource is Resources.ContainerResource ? endpoint.Port : endpoint.Port ?? endpoint.TargetPort;
                ports[(resource.Name, endpoint.Name)] = [.. Enumerable.Range(0, replicas).Select(_ => replicas == 1 && fixedPort is { } p ? p : FreePort.Next())];
            }
        }
    }

    public static int Replicas(IResource resource) => resource.Annotations.OfType<ReplicaAnnotation>().LastOrDefault()?.Replicas ?? 1;

    public int Port(IResource resource, string endpointName, int replica = 0) =>
        ports.TryGetValue((resource.Name, endpointName), out var list)
            ? list[replica]
            : throw new InvalidOperationException($"Resource '{resource.Name}' has no endpoint named '{endpointName}'.");

    public IReadOnlyList<int> Ports(IResource resource, string endpointName) =>
        ports.TryGetValue((resource.Name, endpointName), out var list) ? list : [];

    /// <summary>How a process on this machine reaches the endpoint.</summary>
    public string Url(IResource resource, EndpointAnnotation endpoint, int replica = 0) =>
        $"{endpoint.Scheme}://localhost:{Port(resource, endpoint.Name, replica)}";
}
