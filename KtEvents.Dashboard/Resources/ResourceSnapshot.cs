namespace KtEvents.Dashboard.Resources;

/// <summary>
/// One resource as the orchestrator sees it right now.
/// </summary>
/// <param name="Name">Unique name; replicas are <c>event-0</c>, <c>event-1</c>, … with <paramref name="DisplayName"/> <c>event</c>.</param>
/// <param name="Type">Project, Postgres, PostgresDatabase, Redis, RabbitMQ, NpmApp, Parameter, …</param>
/// <param name="State">The lifecycle state.</param>
/// <param name="Health">Null when the resource has no health check.</param>
/// <param name="StartedAt">When the current process started; null when not running.</param>
/// <param name="ExitCode">The last exit code, when the process has exited at least once.</param>
/// <param name="Message">A short human explanation of the state (why it waits, why it failed).</param>
public sealed record ResourceSnapshot(
    string Name,
    string DisplayName,
    string Type,
    ResourceState State,
    ResourceHealth? Health,
    IReadOnlyList<ResourceUrl> Endpoints,
    int Restarts,
    DateTimeOffset? StartedAt,
    int? ProcessId,
    int? ExitCode,
    string? Message)
{
    public TimeSpan? Uptime(DateTimeOffset now) => State == ResourceState.Running && StartedAt is { } started ? now - started : null;
}
