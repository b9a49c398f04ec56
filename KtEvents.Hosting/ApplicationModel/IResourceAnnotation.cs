namespace KtEvents.Hosting.ApplicationModel;

/// <summary>A fact attached to a resource (an endpoint, an environment callback, a wait).</summary>
public interface IResourceAnnotation;
