namespace KtEvents.Rpc.Tests.Infrastructure;

/// <summary>
/// What a test server's Slow or Watch handler saw: that it started, that its CancellationToken fired, and
/// (Watch) what writing after that did; and a gate the test opens to let a paused Watch go on.
/// </summary>
public sealed class CallProbe
{
    public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completed with the call's deadline when the handler observes its token firing.</summary>
    public TaskCompletionSource<DateTime> Cancelled { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Opened by the test to let a Watch paused after its first reply go on.</summary>
    public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>What a write after the token fired threw (null if it did not throw).</summary>
    public TaskCompletionSource<Exception?> WriteAfterCancel { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
