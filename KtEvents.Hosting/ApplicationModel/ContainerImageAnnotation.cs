namespace KtEvents.Hosting.ApplicationModel;

/// <summary>The image a server runs as in a container (publish mode, or run mode where Docker answers).</summary>
public sealed record ContainerImageAnnotation(string Registry, string Image, string Tag) : IResourceAnnotation
{
    public override string ToString() => $"{Registry}/{Image}:{Tag}";
}
