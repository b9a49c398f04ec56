namespace KtEvents.Rpc.Tests.Infrastructure;

/// <summary>What a test server's Slow handler saw: that it started, and that its CancellationToken fired.</summary>
public sealed class CallProbe
{
    public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completed with the call's deadline when the handler observes its token firing.</summary>
    public TaskCompletionSource<DateTime> Cancelled { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
