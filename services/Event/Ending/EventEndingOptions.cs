using System.ComponentModel.DataAnnotations;

namespace KtEvents.Event.Ending;

/// <summary>The <c>Events</c> section: how often and how much the end sweep works.</summary>
public sealed class EventEndingOptions
{
    public const string SectionName = "Events";

    /// <summary>How often the sweep looks for events whose period is over.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "01:00:00")]
    public TimeSpan EndSweepInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// How long after its end an event is left before it is ended: entries made in its last seconds
    /// may still be in Participation's outbox or this service's queue, and the count is final once
    /// EventEnded is published.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan EndGracePeriod { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Events ended per sweep; a full batch makes the next sweep start at once.</summary>
    [Range(1, 1000)]
    public int EndSweepBatchSize { get; set; } = 100;
}
