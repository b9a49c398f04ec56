using KtEvents.Hosting.ApplicationModel;
using KtEvents.Hosting.Resources;

namespace KtEvents.Hosting;

public static class NpmAppBuilderExtensions
{
    /// <summary>A Node app in <paramref name="workingDirectory"/> (relative to the AppHost), run with <c>npm run &lt;script&gt;</c>.</summary>
    public static IResourceBuilder<NpmAppResource> AddNpmApp(
        this IDistributedApplicationBuilder builder, string name, string workingDirectory, string scriptName = "start")
    {
        var fullPath = Path.GetFullPath(Path.Combine(builder.AppHostDirectory, workingDirectory));
        if (!File.Exists(Path.Combine(fullPath, "package.json")))
        {
            throw new FileNotFoundException($"Npm app '{name}' points at {fullPath}, which has no package.json.");
        }
        return builder.AddResource(new NpmAppResource(name, fullPath, scriptName));
    }

    /// <summary>In the manifest, build this app as an image from the Dockerfile in its folder.</summary>
    public static IResourceBuilder<T> PublishAsDockerFile<T>(this IResourceBuilder<T> builder) where T : ExecutableResource
    {
        var dockerfile = Path.Combine(builder.Resource.WorkingDirectory, "Dockerfile");
        if (!File.Exists(dockerfile))
        {
            throw new FileNotFoundException($"'{builder.Resource.Name}' is published from a Dockerfile, but {dockerfile} does not exist.");
        }
        return builder.WithAnnotation(new DockerfilePublishAnnotation(dockerfile, builder.Resource.WorkingDirectory));
    }
}
