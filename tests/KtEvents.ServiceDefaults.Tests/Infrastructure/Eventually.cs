namespace KtEvents.ServiceDefaults.Tests.Infrastructure;

/// <summary>
/// Waits for something another thread does after the response has reached the client (a server span
/// stops after the body is sent). Bounded, so a regression fails instead of hanging.
/// </summary>
public static class Eventually
{
    public static async Task WaitUntilAsync(Func<bool> condition)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (!condition())
        {
            await Task.Delay(10, timeout.Token);
        }
    }
}
