using System.Collections.Concurrent;
using System.Diagnostics;

namespace KtEvents.Messaging.Tests.Handlers;

/// <summary>
/// What handlers of one test host saw, in the order they ran. Kept in memory because a failing
/// handler's database writes roll back with its transaction.
/// </summary>
public sealed class HandlerProbe
{
    private long sequence;

    public ConcurrentQueue<HandlerCall> Calls { get; } = new();

    /// <summary>How long handlers take, to keep messages in flight while a test breaks something.</summary>
    public TimeSpan Delay { get; set; }

    public void Record(Guid eventId, string routingKey, int attempt) =>
        Calls.Enqueue(new HandlerCall(
            Interlocked.Increment(ref sequence), eventId, routingKey, attempt, Activity.Current?.Context, Activity.Current?.OperationName));

    public IReadOnlyList<HandlerCall> For(Guid eventId) => [.. Calls.Where(call => call.EventId == eventId)];
}
