namespace KtEvents.Hosting.ApplicationModel;

/// <summary>Anything the AppHost describes: a server, a database, a project, a parameter.</summary>
public interface IResource
{
    string Name { get; }

    List<IResourceAnnotation> Annotations { get; }
}
