namespace KtEvents.Hosting.ApplicationModel;

/// <summary>Whether a server's data is thrown away at the end of a run (default) or kept for the next one.</summary>
public enum ContainerLifetime
{
    Session,
    Persistent,
}
