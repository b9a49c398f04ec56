namespace KtEvents.Messaging;

/// <summary>Capped exponential delays: initial × 2^(n-1), never above max.</summary>
internal static class Backoff
{
    public static TimeSpan Exponential(int attempt, TimeSpan initial, TimeSpan max)
    {
        var exponent = Math.Clamp(attempt - 1, 0, 30);
        return TimeSpan.FromMilliseconds(Math.Min(initial.TotalMilliseconds * Math.Pow(2, exponent), max.TotalMilliseconds));
    }

    /// <summary>
    /// <see cref="Exponential"/> spread by ±20 %, so replicas that lost the broker at the same moment
    /// do not all come back at the same moment.
    /// </summary>
    public static TimeSpan WithJitter(int attempt, TimeSpan initial, TimeSpan max)
    {
        var delay = Exponential(attempt, initial, max).TotalMilliseconds * (0.8 + (Random.Shared.NextDouble() * 0.4));
        return TimeSpan.FromMilliseconds(Math.Min(delay, max.TotalMilliseconds));
    }
}
