namespace KtEvents.Hosting.Local;

/// <summary>How a server started from its installed binary keeps its data and reports its output.</summary>
public sealed record LocalServerOptions
{
    /// <summary>
    /// Throwaway servers (tests, session lifetime) trade durability for speed: no fsync, no
    /// snapshots. Durable ones (persistent lifetime) keep the servers' safe defaults.
    /// </summary>
    public bool Durable { get; init; }

    /// <summary>A folder the watchdog removes if the owner dies without stopping the server.</summary>
    public string? RemoveOnOrphan { get; init; }

    /// <summary>Receives each output line (the AppHost's console log); the flag marks standard error.</summary>
    public Action<string, bool>? OnOutput { get; init; }
}
