namespace KtEvents.Caching;

/// <summary>
/// One in-process load of one key, shared by every caller that missed it meanwhile. It counts its
/// callers; when all of them have stopped waiting (cancelled), the load itself is cancelled. A flight
/// whose count reached zero accepts no one, so a late caller starts a new one instead of joining a
/// load that is being cancelled.
/// </summary>
internal sealed class JsonCacheFlight<T>
{
    private readonly TaskCompletionSource<T> completion = new(TaskCreationOptions.RunContinuationsAsynchronously);

    // Not disposed: it has no timer and no wait handle, and a caller leaving late may still cancel it.
    private readonly CancellationTokenSource abandoned = new();
    private int callers = 1; // the caller that starts the flight

    public CancellationToken Token => abandoned.Token;

    /// <summary>How many callers wait on this flight (for tests and diagnostics).</summary>
    public int Callers => Volatile.Read(ref callers);

    public bool TryJoin()
    {
        while (true)
        {
            var count = Volatile.Read(ref callers);
            if (count == 0)
            {
                return false;
            }
            if (Interlocked.CompareExchange(ref callers, count + 1, count) == count)
            {
                return true;
            }
        }
    }

    public async Task<T> WaitAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await completion.Task.WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested && !completion.Task.IsCompleted)
        {
            if (Interlocked.Decrement(ref callers) == 0)
            {
                abandoned.Cancel();
            }
            throw;
        }
    }

    public void Complete(T value) => completion.TrySetResult(value);

    public void Fail(Exception exception)
    {
        if (exception is OperationCanceledException && abandoned.IsCancellationRequested)
        {
            completion.TrySetCanceled(abandoned.Token);
            return;
        }
        completion.TrySetException(exception);
    }
}
