namespace KtEvents.Hosting.ApplicationModel;

/// <summary>A resource that listens: it has <see cref="EndpointAnnotation"/>s.</summary>
public interface IResourceWithEndpoints : IResource;
