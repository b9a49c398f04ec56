using KtEvents.Hosting.ApplicationModel;

namespace KtEvents.Hosting;

/// <summary>Wiring between resources, with Aspire's names and environment conventions.</summary>
public static class ResourceBuilderExtensions
{
    /// <summary>Gives the resource <c>ConnectionStrings__&lt;name&gt;</c> of <paramref name="source"/>.</summary>
    public static IResourceBuilder<T> WithReference<T>(this IResourceBuilder<T> builder, IResourceBuilder<IResourceWithConnectionString> source)
        where T : IResourceWithEnvironment =>
        builder.WithEnvironment($"ConnectionStrings__{source.Resource.Name}", source.Resource);

    /// <summary>Gives the resource <c>services__&lt;name&gt;__&lt;endpoint&gt;__0</c> for each http endpoint of <paramref name="source"/>.</summary>
    public static IResourceBuilder<T> WithReference<T>(this IResourceBuilder<T> builder, IResourceBuilder<IResourceWithServiceDiscovery> source)
        where T : IResourceWithEnvironment
    {
        var endpoints = source.Resource.Annotations.OfType<EndpointAnnotation>().Where(e => e.Scheme is "http" or "https").ToList();
        if (endpoints.Count == 0)
        {
            throw new InvalidOperationException($"'{source.Resource.Name}' has no http endpoint to refer to.");
        }
        foreach (var endpoint in endpoints)
        {
            builder.WithEnvironment($"services__{source.Resource.Name}__{endpoint.Name}__0", new EndpointReference(source.Resource, endpoint.Name));
        }
        return builder;
    }

    public static IResourceBuilder<T> WithEnvironment<T>(this IResourceBuilder<T> builder, string name, string value)
        where T : IResourceWithEnvironment =>
        builder.WithAnnotation(new EnvironmentCallbackAnnotation(context => context.EnvironmentVariables[name] = value));

    public static IResourceBuilder<T> WithEnvironment<T>(this IResourceBuilder<T> builder, string name, IManifestExpressionProvider value)
        where T : IResourceWithEnvironment =>
        builder.WithAnnotation(new EnvironmentCallbackAnnotation(context => context.EnvironmentVariables[name] = value));

    public static IResourceBuilder<T> WithEnvironment<T>(this IResourceBuilder<T> builder, string name, IResourceBuilder<ParameterResource> parameter)
        where T : IResourceWithEnvironment =>
        builder.WithEnvironment(name, (IManifestExpressionProvider)parameter.Resource);

    /// <summary>Start this resource only once <paramref name="dependency"/> is healthy.</summary>
    public static IResourceBuilder<T> WaitFor<T>(this IResourceBuilder<T> builder, IResourceBuilder<IResource> dependency) where T : IResource
    {
        if (ReferenceEquals(builder.Resource, dependency.Resource))
        {
            throw new InvalidOperationException($"'{builder.Resource.Name}' cannot wait for itself.");
        }
        return builder.WithAnnotation(new WaitAnnotation(dependency.Resource));
    }

    public static IResourceBuilder<T> WithReplicas<T>(this IResourceBuilder<T> builder, int replicas) where T : IResourceWithEnvironment
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(replicas, 1);
        builder.Resource.Annotations.RemoveAll(a => a is ReplicaAnnotation);
        return builder.WithAnnotation(new ReplicaAnnotation(replicas));
    }

    /// <summary>Marks the http endpoints reachable from outside the system (the gateway and the web app only).</summary>
    public static IResourceBuilder<T> WithExternalHttpEndpoints<T>(this IResourceBuilder<T> builder) where T : IResourceWithEndpoints
    {
        foreach (var endpoint in builder.Resource.Annotations.OfType<EndpointAnnotation>().Where(e => e.Scheme is "http" or "https"))
        {
            endpoint.IsExternal = true;
        }
        return builder;
    }

    /// <summary>
    /// Adds an http endpoint. <paramref name="env"/> names the environment variable that tells the
    /// process its port (PORT for a Node dev server).
    /// </summary>
    public static IResourceBuilder<T> WithHttpEndpoint<T>(this IResourceBuilder<T> builder, int? targetPort = null, string name = "http", string? env = null)
        where T : IResourceWithEndpoints
    {
        builder.WithAnnotation(new EndpointAnnotation(name, "http", "http", TargetPort: targetPort));
        if (env is not null && builder.Resource is IResourceWithEnvironment)
        {
            var port = new EndpointReference(builder.Resource, name).Property(EndpointProperty.TargetPort);
            builder.WithAnnotation(new EnvironmentCallbackAnnotation(context => context.EnvironmentVariables[env] = port));
        }
        return builder;
    }

    /// <summary><see cref="ContainerLifetime.Persistent"/> keeps a server's data between runs.</summary>
    public static IResourceBuilder<T> WithLifetime<T>(this IResourceBuilder<T> builder, ContainerLifetime lifetime) where T : Resources.ContainerResource
    {
        builder.Resource.Annotations.RemoveAll(a => a is ContainerLifetimeAnnotation);
        return builder.WithAnnotation(new ContainerLifetimeAnnotation(lifetime));
    }

    /// <summary>Evaluates the environment callbacks for one execution context.</summary>
    public static Dictionary<string, object> GetEnvironment(this IResource resource, DistributedApplicationExecutionContext executionContext)
    {
        var context = new EnvironmentCallbackContext(executionContext);
        foreach (var callback in resource.Annotations.OfType<EnvironmentCallbackAnnotation>())
        {
            callback.Callback(context);
        }
        return context.EnvironmentVariables;
    }
}
