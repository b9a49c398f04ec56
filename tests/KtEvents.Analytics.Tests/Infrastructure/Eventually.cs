namespace KtEvents.Analytics.Tests.Infrastructure;

/// <summary>Bounded waits for what the event bus delivers asynchronously; a timeout fails naming what was awaited.</summary>
internal static class Eventually
{
    public static async Task<T> UntilAsync<T>(string what, Func<Task<T?>> attempt, TimeSpan? timeout = null)
        where T : class
    {
        using var deadline = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(30));
        while (true)
        {
            if (await attempt() is { } result)
            {
                return result;
            }
            if (deadline.IsCancellationRequested)
            {
                Assert.Fail($"Timed out waiting until {what}.");
            }
            await Task.Delay(100, CancellationToken.None);
        }
    }
}
