namespace KtEvents.Ai.Tests.Infrastructure;

/// <summary>A bounded wait for what the event bus delivers asynchronously; a timeout fails naming what was awaited.</summary>
internal static class Eventually
{
    public static async Task UntilAsync(string what, Func<Task<bool>> condition, TimeSpan? timeout = null)
    {
        using var deadline = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(30));
        while (!await condition())
        {
            if (deadline.IsCancellationRequested)
            {
                Assert.Fail($"Timed out waiting until {what}.");
            }
            await Task.Delay(100, CancellationToken.None);
        }
    }
}
