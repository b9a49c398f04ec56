namespace KtEvents.Hosting.ApplicationModel;

/// <summary>A process the AppHost starts with environment variables: a project or an executable.</summary>
public interface IResourceWithEnvironment : IResource;
