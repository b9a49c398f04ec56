namespace KtEvents.Hosting.ApplicationModel;

/// <summary>The resource starts only once <paramref name="Resource"/> is healthy.</summary>
public sealed record WaitAnnotation(IResource Resource) : IResourceAnnotation;
