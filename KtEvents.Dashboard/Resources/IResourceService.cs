namespace KtEvents.Dashboard.Resources;

/// <summary>
/// What the dashboard's Resources and Console pages need from the orchestrator that runs the
/// system. The AppHost implements it; the dashboard only reads snapshots and asks for restarts.
/// </summary>
public interface IResourceService
{
    /// <summary>Every resource (one row per replica of a project), in the AppHost's order.</summary>
    IReadOnlyList<ResourceSnapshot> GetResources();

    /// <summary>Stops the resource's process if it runs and starts it again; false when no resource has that name.</summary>
    Task<bool> RestartAsync(string resourceName, CancellationToken cancellationToken);
}
