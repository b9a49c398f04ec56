using KtEvents.Caching;

namespace KtEvents.Ai.Recommendations;

/// <summary>
/// The per-industry data version (<c>ai:data-version:{industry}</c>, a Redis counter) that every
/// cache key of that industry carries. New outcomes for an industry bump it, which makes its cached
/// trends, similar cases and replies unreachable at once; they then expire by their TTL. No
/// <c>KEYS</c>/<c>SCAN</c> over a busy Redis, and no race with a request writing an old entry back:
/// such a write lands under the old version, which nobody reads any more.
/// A request reads the version once, so all its cache levels agree.
/// </summary>
public sealed partial class DataVersions(IConnectionMultiplexer redis, ILogger<DataVersions> logger)
{
    public static string Key(string industry) => $"ai:data-version:{industry}";

    /// <summary>The industry's version; 0 before any outcome arrived, and when Redis cannot say (its caches are misses then anyway).</summary>
    public async Task<long> CurrentAsync(string industry)
    {
        try
        {
            return (long?)await redis.GetDatabase().StringGetAsync(Key(industry)) ?? 0;
        }
        catch (Exception exception) when (exception is RedisException or TimeoutException or FormatException or InvalidCastException)
        {
            LogReadFailed(logger, exception, industry);
            return 0;
        }
    }

    /// <summary>Retires the industry's cached entries. If Redis is down they simply live out their TTL.</summary>
    public async Task BumpAsync(string industry)
    {
        try
        {
            var version = await redis.GetDatabase().StringIncrementAsync(Key(industry));
            LogBumped(logger, industry, version);
        }
        catch (Exception exception) when (exception is RedisException or TimeoutException)
        {
            LogBumpFailed(logger, exception, industry);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reading the data version of {Industry} failed; using 0")]
    private static partial void LogReadFailed(ILogger logger, Exception exception, string industry);

    [LoggerMessage(Level = LogLevel.Information, Message = "Data version of {Industry} is now {Version}; its cached entries are retired")]
    private static partial void LogBumped(ILogger logger, string industry, long version);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Bumping the data version of {Industry} failed; its cached entries expire by TTL")]
    private static partial void LogBumpFailed(ILogger logger, Exception exception, string industry);
}
