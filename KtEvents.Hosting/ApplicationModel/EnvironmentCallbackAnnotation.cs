namespace KtEvents.Hosting.ApplicationModel;

/// <summary>Adds environment variables when the resource is started or published.</summary>
public sealed record EnvironmentCallbackAnnotation(Action<EnvironmentCallbackContext> Callback) : IResourceAnnotation;
