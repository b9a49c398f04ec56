namespace KtEvents.ServiceDefaults.Health;

/// <summary>Paths and tags of the health endpoints every service exposes.</summary>
public static class HealthEndpoints
{
    /// <summary>Readiness: every registered check must answer healthy (databases, cache, broker).</summary>
    public const string ReadinessPath = "/health";

    /// <summary>Liveness: only checks tagged <see cref="LiveTag"/>; a slow database must not get the process restarted.</summary>
    public const string LivenessPath = "/alive";

    /// <summary>Tag that puts a check in the liveness probe.</summary>
    public const string LiveTag = "live";
}
