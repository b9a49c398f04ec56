namespace KtEvents.Hosting.ApplicationModel;

/// <summary>Publish this executable as an image built from a Dockerfile in its working directory.</summary>
public sealed record DockerfilePublishAnnotation(string DockerfilePath, string ContextPath) : IResourceAnnotation;
