using System.ComponentModel.DataAnnotations;

namespace KtEvents.Distribution.Worker;

/// <summary>The <c>Distribution</c> section: how channels are attempted.</summary>
public sealed class DistributionOptions
{
    public const string SectionName = "Distribution";

    /// <summary>Attempts per channel, the first included (UFR-DIST-010: 최대 3회).</summary>
    [Range(1, 10)]
    public int MaxAttempts { get; set; } = 3;

    /// <summary>Wait before the second attempt; doubles for each later one.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00")]
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How often the worker looks for due channels when it has nothing to do.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:01:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>
    /// How long a claimed channel is left to its worker before another may take it over: longer than
    /// one attempt can take (the channel clients' total timeout), so only a dead worker's rows move.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Channel rows attempted at once by one worker.</summary>
    [Range(1, 256)]
    public int BatchSize { get; set; } = 24;
}
