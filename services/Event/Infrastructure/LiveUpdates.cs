using KtEvents.Caching;
using KtEvents.Contracts.Channels;
using KtEvents.Event.Grpc;

namespace KtEvents.Event.Infrastructure;

/// <summary>
/// Tells browsers watching an event that it changed (see <see cref="LiveChannels"/>). Best effort:
/// the change is already committed, and a browser that misses the hint still sees it on its next read.
/// </summary>
public sealed class LiveUpdates(IConnectionMultiplexer redis, ILogger<LiveUpdates> logger)
{
    public async Task PublishAsync(Guid eventId, string type)
    {
        try
        {
            await redis.GetSubscriber().PublishAsync(RedisChannel.Literal(LiveChannels.ForEvent(eventId)), $$"""{"type":"{{type}}"}""");
        }
        catch (Exception e) when (e is RedisException or TimeoutException or RedisCommandException)
        {
            EventLog.LiveUpdateFailed(logger, e, eventId);
        }
    }
}
