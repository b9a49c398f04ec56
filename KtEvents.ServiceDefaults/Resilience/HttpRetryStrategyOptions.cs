using Polly;

namespace KtEvents.ServiceDefaults.Resilience;

/// <summary>Retry of transient failures: connection errors, attempt timeouts, 5xx, 408 and 429.</summary>
public sealed class HttpRetryStrategyOptions
{
    /// <summary>Retries after the first attempt; 0 turns retrying off.</summary>
    public int MaxRetryAttempts { get; set; } = 3;

    /// <summary>Base delay; with exponential backoff the n-th retry waits about Delay × 2^(n-1).</summary>
    public TimeSpan Delay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Growth of the delay between retries.</summary>
    public DelayBackoffType BackoffType { get; set; } = DelayBackoffType.Exponential;

    /// <summary>Randomises delays so that many clients do not retry in lockstep.</summary>
    public bool UseJitter { get; set; } = true;

    /// <summary>Upper bound of a computed backoff delay.</summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Waits as long as the server's <c>Retry-After</c> header says (delta seconds or HTTP date).</summary>
    public bool ShouldRetryAfterHeader { get; set; } = true;
}
