using System.Threading.Channels;

namespace KtEvents.Dashboard.Telemetry;

/// <summary>
/// A live view's feed of changes. The channel keeps only the latest few changes, because a slow
/// reader needs to know that something changed, not every batch; dispose it when the view closes.
/// </summary>
public sealed class TelemetrySubscription(Action<TelemetrySubscription> unsubscribe) : IDisposable
{
    private readonly Channel<TelemetryChange> channel = Channel.CreateBounded<TelemetryChange>(
        new BoundedChannelOptions(64) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });

    public ChannelReader<TelemetryChange> Reader => channel.Reader;

    internal void Publish(TelemetryChange change) => channel.Writer.TryWrite(change);

    public void Dispose()
    {
        unsubscribe(this);
        channel.Writer.TryComplete();
    }
}
