using KtEvents.Hosting.ApplicationModel;

namespace KtEvents.Hosting;

/// <summary>The handle Program.cs holds for one resource, to configure it fluently.</summary>
public interface IResourceBuilder<out T> where T : IResource
{
    IDistributedApplicationBuilder ApplicationBuilder { get; }

    T Resource { get; }

    IResourceBuilder<T> WithAnnotation(IResourceAnnotation annotation);
}
