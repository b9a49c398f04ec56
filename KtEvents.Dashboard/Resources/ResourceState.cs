namespace KtEvents.Dashboard.Resources;

public enum ResourceState
{
    /// <summary>Declared, not started yet.</summary>
    NotStarted,

    /// <summary>Waiting for what it <c>WaitFor</c>s to become healthy.</summary>
    Waiting,

    /// <summary>Being built (projects) or installed (npm ci).</summary>
    Building,

    Starting,
    Running,

    /// <summary>Exited unexpectedly; a restart is scheduled with backoff.</summary>
    Restarting,

    /// <summary>Could not start (build failure, missing binary, exceeded restarts).</summary>
    FailedToStart,

    Exited,
    Stopping,
    Stopped,
}
