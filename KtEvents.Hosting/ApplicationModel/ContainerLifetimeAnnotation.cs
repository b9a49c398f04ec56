namespace KtEvents.Hosting.ApplicationModel;

public sealed record ContainerLifetimeAnnotation(ContainerLifetime Lifetime) : IResourceAnnotation;
