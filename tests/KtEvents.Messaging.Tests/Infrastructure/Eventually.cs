namespace KtEvents.Messaging.Tests.Infrastructure;

/// <summary>Bounded waits for asynchronous delivery; a timeout fails with what was awaited and the last state.</summary>
internal static class Eventually
{
    public static async Task UntilAsync(string what, TimeSpan timeout, Func<Task<bool>> condition, Func<Task<string>>? describe = null)
    {
        using var deadline = new CancellationTokenSource(timeout);
        while (!await condition())
        {
            if (deadline.IsCancellationRequested)
            {
                var state = describe is null ? "" : $" Last state: {await describe()}";
                Assert.Fail($"Timed out after {timeout.TotalSeconds:0} s waiting until {what}.{state}");
            }
            await Task.Delay(100, CancellationToken.None);
        }
    }

    public static Task UntilAsync(string what, TimeSpan timeout, Func<bool> condition, Func<string>? describe = null) =>
        UntilAsync(what, timeout, () => Task.FromResult(condition()), describe is null ? null : () => Task.FromResult(describe()));
}
