namespace KtEvents.ServiceDefaults.Resilience;

/// <summary>
/// Stops calling a dependency that keeps failing, so that callers fail fast instead of queueing on it.
/// Opens when at least <see cref="FailureRatio"/> of at least <see cref="MinimumThroughput"/> calls in
/// <see cref="SamplingDuration"/> failed, and stays open for <see cref="BreakDuration"/>.
/// </summary>
public sealed class HttpCircuitBreakerStrategyOptions
{
    /// <summary>Share of failed calls, above 0 and at most 1, that opens the circuit.</summary>
    public double FailureRatio { get; set; } = 0.1;

    /// <summary>Calls needed in the sampling window before the ratio counts (at least 2).</summary>
    public int MinimumThroughput { get; set; } = 100;

    /// <summary>Window over which failures are counted.</summary>
    public TimeSpan SamplingDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long the circuit stays open before a trial call is let through.</summary>
    public TimeSpan BreakDuration { get; set; } = TimeSpan.FromSeconds(5);
}
