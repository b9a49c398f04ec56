using KtEvents.Hosting.ApplicationModel;
using Microsoft.Extensions.Configuration;

namespace KtEvents.Hosting;

/// <summary>Describes the system: the AppHost's Program.cs adds resources and wires them together.</summary>
public interface IDistributedApplicationBuilder
{
    ConfigurationManager Configuration { get; }

    /// <summary>The AppHost project's folder; relative resource paths start here.</summary>
    string AppHostDirectory { get; }

    DistributedApplicationExecutionContext ExecutionContext { get; }

    IReadOnlyList<IResource> Resources { get; }

    IResourceBuilder<T> AddResource<T>(T resource) where T : IResource;

    /// <summary>A builder for a resource already added, e.g. to change a test's copy of the model.</summary>
    IResourceBuilder<T> CreateResourceBuilder<T>(T resource) where T : IResource;

    /// <summary>Freezes the description into the application that runs or publishes it.</summary>
    DistributedApplication Build();
}
