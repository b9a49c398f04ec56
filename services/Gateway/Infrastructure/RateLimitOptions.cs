using System.ComponentModel.DataAnnotations;

namespace KtEvents.Gateway.Infrastructure;

/// <summary>Requests per minute per client address (section <c>RateLimits</c>).</summary>
public sealed class RateLimitOptions
{
    public const string SectionName = "RateLimits";

    [Range(1, 1_000_000)]
    public int AuthPerMinute { get; set; } = 30;

    [Range(1, 1_000_000)]
    public int PublicPerMinute { get; set; } = 120;
}
