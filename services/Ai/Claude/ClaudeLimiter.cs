using System.Threading.RateLimiting;

using Microsoft.Extensions.Options;

namespace KtEvents.Ai.Claude;

/// <summary>
/// How many recommendations may ask Claude at once and per minute. Nothing waits in a queue: a
/// request past either limit is answered by the data engine at once, flagged, because a queue in
/// front of a 10-second promise only turns a limit into a timeout. A recommendation holds one permit
/// of each for both its calls and a repair.
/// </summary>
public sealed class ClaudeLimiter : IDisposable
{
    private readonly ConcurrencyLimiter _concurrency;
    private readonly SlidingWindowRateLimiter _perMinute;

    public ClaudeLimiter(IOptions<ClaudeOptions> options)
    {
        var settings = options.Value;
        _concurrency = new ConcurrencyLimiter(new ConcurrencyLimiterOptions { PermitLimit = settings.MaxConcurrency, QueueLimit = 0 });
        _perMinute = new SlidingWindowRateLimiter(new SlidingWindowRateLimiterOptions
        {
            PermitLimit = settings.RequestsPerMinute,
            Window = TimeSpan.FromMinutes(1),
            SegmentsPerWindow = 6,
            QueueLimit = 0,
            AutoReplenishment = true,
        });
    }

    /// <summary>A permit to ask Claude, or the reason there is none ("rate_limited", "concurrency_limited").</summary>
    public Admission TryEnter()
    {
        // Concurrency first: a request turned away for being one too many at once keeps its minute's permit.
        var concurrent = _concurrency.AttemptAcquire();
        if (!concurrent.IsAcquired)
        {
            concurrent.Dispose();
            return new Admission(null, "concurrency_limited");
        }
        using var minute = _perMinute.AttemptAcquire();
        if (!minute.IsAcquired)
        {
            concurrent.Dispose();
            return new Admission(null, "rate_limited");
        }
        return new Admission(concurrent, null);
    }

    public void Dispose()
    {
        _concurrency.Dispose();
        _perMinute.Dispose();
    }

    public readonly record struct Admission(RateLimitLease? Lease, string? RefusedBecause) : IDisposable
    {
        public bool Admitted => Lease is not null;

        public void Dispose() => Lease?.Dispose();
    }
}
