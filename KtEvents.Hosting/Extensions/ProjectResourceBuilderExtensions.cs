using KtEvents.Hosting.ApplicationModel;
using KtEvents.Hosting.Resources;

namespace KtEvents.Hosting;

public static class ProjectResourceBuilderExtensions
{
    /// <summary>A .NET project with one <c>http</c> endpoint; <paramref name="projectPath"/> is relative to the AppHost.</summary>
    public static IResourceBuilder<ProjectResource> AddProject(this IDistributedApplicationBuilder builder, string name, string projectPath)
    {
        var fullPath = Path.GetFullPath(Path.Combine(builder.AppHostDirectory, projectPath));
        if (!File.Exists(fullPath))
        {
            throw new FileNotFoundException($"Project '{name}' points at {fullPath}, which does not exist.", fullPath);
        }
        return builder.AddResource(new ProjectResource(name, fullPath))
            .WithAnnotation(new EndpointAnnotation("http", "http", "http"));
    }

    /// <summary>
    /// The service speaks gRPC over cleartext HTTP/2 (h2c) on its http endpoint, as Aspire's method of
    /// the same name says; health probes must then use HTTP/2 too.
    /// </summary>
    public static IResourceBuilder<T> AsHttp2Service<T>(this IResourceBuilder<T> builder) where T : IResourceWithEndpoints
    {
        var endpoints = builder.Resource.Annotations.OfType<EndpointAnnotation>().Where(e => e.Scheme == "http").ToList();
        foreach (var endpoint in endpoints)
        {
            builder.Resource.Annotations.Remove(endpoint);
            builder.Resource.Annotations.Add(endpoint with { Transport = "http2" });
        }
        return builder;
    }
}
