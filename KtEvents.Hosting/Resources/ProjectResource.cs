using KtEvents.Hosting.ApplicationModel;

namespace KtEvents.Hosting.Resources;

/// <summary>A .NET project of the system; in run mode the AppHost builds it once and runs its output.</summary>
public sealed class ProjectResource(string name, string projectPath) : Resource(name), IResourceWithServiceDiscovery, IResourceWithEnvironment
{
    /// <summary>Absolute path of the .csproj.</summary>
    public string ProjectPath { get; } = projectPath;

    public EndpointReference GetEndpoint(string name) => new(this, name);
}
