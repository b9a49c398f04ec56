using KtEvents.Caching;
using KtEvents.Contracts.Channels;

namespace KtEvents.Analytics.Infrastructure;

/// <summary>
/// Tells watching browsers (through the gateway's Redis subscription) that an event's figures
/// changed. Scoped to one message: handlers mark events, and the hints go out when the scope ends.
/// </summary>
/// <remarks>
/// The event bus disposes the message's scope after committing its transaction, so a browser that
/// reads on the hint sees the new figures. If the handling failed, the hint still goes out; that is
/// harmless, as it only asks the browser to read again. A Redis failure is logged and swallowed: the
/// figures are committed, and the dashboard refreshes on its own schedule anyway.
/// </remarks>
public sealed partial class LiveUpdates(IConnectionMultiplexer redis, ILogger<LiveUpdates> logger) : IAsyncDisposable
{
    private const string AnalyticsHint = """{"type":"analytics"}""";

    private readonly HashSet<Guid> changed = [];

    public void Changed(Guid eventId) => changed.Add(eventId);

    public async ValueTask DisposeAsync()
    {
        foreach (var eventId in changed)
        {
            try
            {
                await redis.GetSubscriber().PublishAsync(RedisChannel.Literal(LiveChannels.ForEvent(eventId)), AnalyticsHint);
            }
            catch (Exception ex)
            {
                LogHintLost(logger, ex, eventId);
            }
        }
    }

    [LoggerMessage(LogLevel.Warning, "Live hint for event {EventId} not published.")]
    private static partial void LogHintLost(ILogger logger, Exception exception, Guid eventId);
}
