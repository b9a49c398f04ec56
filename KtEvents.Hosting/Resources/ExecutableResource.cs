using KtEvents.Hosting.ApplicationModel;

namespace KtEvents.Hosting.Resources;

/// <summary>A process started from a command in a working directory, such as the web app's dev server.</summary>
public class ExecutableResource(string name, string command, string workingDirectory, IReadOnlyList<string> args)
    : Resource(name), IResourceWithServiceDiscovery, IResourceWithEnvironment
{
    public string Command { get; } = command;

    /// <summary>Absolute path.</summary>
    public string WorkingDirectory { get; } = workingDirectory;

    public IReadOnlyList<string> Args { get; } = args;

    public EndpointReference GetEndpoint(string name) => new(this, name);
}
