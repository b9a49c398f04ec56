namespace KtEvents.Hosting.ApplicationModel;

/// <summary>A resource others find by name through <c>services__&lt;name&gt;__http__0</c> (projects, apps; not servers).</summary>
public interface IResourceWithServiceDiscovery : IResourceWithEndpoints;
