using KtEvents.Hosting.ApplicationModel;
using Microsoft.Extensions.Configuration;

namespace KtEvents.Hosting;

/// <summary>
/// Collects the resources of the system. <c>--publisher manifest</c> on the command line selects
/// publish mode (Aspire's convention); otherwise the AppHost runs the system.
/// </summary>
public sealed class DistributedApplicationBuilder : IDistributedApplicationBuilder
{
    private readonly List<IResource> resources = [];

    public DistributedApplicationBuilder(string[] args, string? appHostDirectory = null)
    {
        Configuration = new ConfigurationManager();
        Configuration.AddEnvironmentVariables();
        Configuration.AddCommandLine(args, new Dictionary<string, string>
        {
            ["--publisher"] = "Publishing:Publisher",
            ["--output-path"] = "Publishing:OutputPath",
        });
        AppHostDirectory = Path.GetFullPath(appHostDirectory ?? Directory.GetCurrentDirectory());
        ExecutionContext = new(Configuration["Publishing:Publisher"] is null
            ? DistributedApplicationOperation.Run
            : DistributedApplicationOperation.Publish);
    }

    public ConfigurationManager Configuration { get; }

    public string AppHostDirectory { get; }

    public DistributedApplicationExecutionContext ExecutionContext { get; }

    public IReadOnlyList<IResource> Resources => resources;

    public DistributedApplication Build() => new(this);

    public IResourceBuilder<T> AddResource<T>(T resource) where T : IResource
    {
        if (resources.Any(r => string.Equals(r.Name, resource.Name, StringComparison.OrdinalIgnoreCase)))
        {
            throw new InvalidOperationException($"A resource named '{resource.Name}' already exists; names are unique (case-insensitive).");
        }
        resources.Add(resource);
        return new ResourceBuilder<T>(this, resource);
    }

    public IResourceBuilder<T> CreateResourceBuilder<T>(T resource) where T : IResource =>
        resources.Contains(resource)
            ? new ResourceBuilder<T>(this, resource)
            : throw new InvalidOperationException($"'{resource.Name}' is not a resource of this application; add it first.");
}
