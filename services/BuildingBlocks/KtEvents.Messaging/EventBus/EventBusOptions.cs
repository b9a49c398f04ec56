using System.ComponentModel.DataAnnotations;

namespace KtEvents.Messaging.EventBus;

/// <summary>Bound from the <c>EventBus</c> section; <see cref="QueueName"/> comes from <c>AddEventBus</c>.</summary>
public sealed class EventBusOptions
{
    public const string SectionName = "EventBus";

    /// <summary>
    /// The service's queue, <c>kt-&lt;service&gt;</c>. Also its name in the inbox, the prefix of its
    /// retry and dead-letter queues, and the AMQP app id of what it publishes.
    /// </summary>
    [Required]
    [RegularExpression("^[a-z0-9]+([.-][a-z0-9]+)*$", ErrorMessage = "EventBus queue names are lower-case words joined by dashes, e.g. kt-participation.")]
    public string QueueName { get; set; } = "";

    /// <summary>
    /// Handler attempts per message, the first included, before it goes to the DLQ. Every failure
    /// counts, a database outage during handling included; replay from the DLQ once it is fixed.
    /// </summary>
    [Range(1, 100)]
    public int MaxAttempts { get; set; } = 5;

    /// <summary>Wait before the second attempt; doubles for each later one up to <see cref="MaxRetryDelay"/>.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "01:00:00")]
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(5);

    [Range(typeof(TimeSpan), "00:00:00.010", "1.00:00:00")]
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Unacknowledged messages the broker may hand this consumer at once.</summary>
    [Range(1, 1000)]
    public int PrefetchCount { get; set; } = 32;

    /// <summary>Messages handled in parallel (each in its own scope and transaction).</summary>
    [Range(1, 64)]
    public int ConsumerConcurrency { get; set; } = 4;

    /// <summary>Outbox rows claimed and published per transaction.</summary>
    [Range(1, 10_000)]
    public int OutboxBatchSize { get; set; } = 100;

    /// <summary>
    /// How often the relay looks for pending rows without being told. A commit wakes it at once
    /// (NOTIFY); this only covers a lost listener connection.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "01:00:00")]
    public TimeSpan OutboxPollInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Longest wait for the broker's confirm of one publish before the channel is replaced.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan PublishTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// First pause after the relay or the consumer lost the broker or the database; doubles per
    /// consecutive failure up to <see cref="MaxReconnectDelay"/>, and the relay never gives up.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00")]
    public TimeSpan ReconnectDelay { get; set; } = TimeSpan.FromSeconds(1);

    [Range(typeof(TimeSpan), "00:00:00.010", "01:00:00")]
    public TimeSpan MaxReconnectDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Published outbox rows are kept this long (for inspection), then deleted.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "365.00:00:00")]
    public TimeSpan OutboxRetention { get; set; } = TimeSpan.FromDays(7);

    /// <summary>
    /// Inbox rows are kept this long, then deleted. A duplicate arriving later would be handled again,
    /// so this must exceed any plausible redelivery delay by far.
    /// </summary>
    [Range(typeof(TimeSpan), "01:00:00", "365.00:00:00")]
    public TimeSpan InboxRetention { get; set; } = TimeSpan.FromDays(14);
}
