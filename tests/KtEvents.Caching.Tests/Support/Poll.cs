namespace KtEvents.Caching.Tests.Support;

/// <summary>Waits for a condition that becomes true by itself (an expiry, a reconnect), with a hard limit.</summary>
internal static class Poll
{
    public static async Task UntilAsync(Func<Task<bool>> condition, TimeSpan limit, string what)
    {
        var deadline = DateTime.UtcNow + limit;
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"Not within {limit.TotalSeconds} s: {what}.");
            }
            await Task.Delay(20);
        }
    }

    /// <summary>Like <see cref="UntilAsync"/>, counting connection and timeout errors as "not yet".</summary>
    public static Task UntilSucceedsAsync(Func<Task<bool>> condition, TimeSpan limit, string what) =>
        UntilAsync(async () =>
        {
            try
            {
                return await condition();
            }
            catch (Exception ex) when (ex is RedisConnectionException or RedisTimeoutException)
            {
                return false;
            }
        }, limit, what);
}
