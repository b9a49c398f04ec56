using KtEvents.Caching;
using KtEvents.Contracts.Channels;

namespace KtEvents.Distribution.Worker;

/// <summary>
/// The hint to browsers watching an event that its distribution changed (Redis pub/sub, forwarded
/// over SSE by the gateway). Sent after the change commits; best effort, because the browser also
/// reads the state again on reconnect and the integration events carry the same news durably.
/// </summary>
public sealed partial class LiveUpdates(IConnectionMultiplexer redis, ILogger<LiveUpdates> logger)
{
    private const string DistributionHint = """{"type":"distribution"}""";

    public async Task DistributionChangedAsync(Guid eventId)
    {
        try
        {
            await redis.GetSubscriber().PublishAsync(RedisChannel.Literal(LiveChannels.ForEvent(eventId)), DistributionHint);
        }
        catch (Exception exception) when (exception is RedisException or TimeoutException or ObjectDisposedException)
        {
            LogHintFailed(eventId, exception);
        }
    }

    [LoggerMessage(LogLevel.Warning, "Could not publish the live distribution hint of event {EventId}.")]
    private partial void LogHintFailed(Guid eventId, Exception exception);
}
