using KtEvents.Hosting.ApplicationModel;

namespace KtEvents.Hosting.Resources;

/// <summary>
/// A server that deploys as a container image. In run mode without Docker the AppHost starts the
/// same server from the machine's installed binary instead.
/// </summary>
public abstract class ContainerResource(string name) : Resource(name), IResourceWithEndpoints
{
    public EndpointReference PrimaryEndpoint => new(this, "tcp");

    public ContainerImageAnnotation Image => AnnotationsOf<ContainerImageAnnotation>().Single();

    /// <summary>Environment the container image needs (POSTGRES_PASSWORD and the like).</summary>
    public abstract IReadOnlyDictionary<string, IManifestExpressionProvider> ContainerEnvironment { get; }

    /// <summary>Command-line arguments for the image, if its default entrypoint needs any.</summary>
    public virtual IReadOnlyList<string> ContainerArgs => [];
}
