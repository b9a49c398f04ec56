using KtEvents.Caching;

using Microsoft.Extensions.Logging;

namespace KtEvents.Contracts.Channels;

/// <summary>
/// Publishes live hints (<see cref="LiveHint"/>) on an event's Redis channel, from which every gateway
/// replica with a browser watching the event forwards them over SSE.
/// </summary>
/// <remarks>
/// Publish only after the change has committed, so a browser that reads on the hint sees it: from an
/// integration event handler, through <c>IntegrationEventContext.OnCommitted</c>. Best effort: a lost
/// hint is logged and swallowed, because the change is already durable, the integration events carry
/// the same news, and the browser reads the whole state again when its stream reconnects.
/// </remarks>
public sealed partial class LiveUpdates(IConnectionMultiplexer redis, ILogger<LiveUpdates> logger)
{
    public async Task PublishAsync(Guid eventId, string type)
    {
        var message = LiveHint.Message(type);
        try
        {
            await redis.GetSubscriber().PublishAsync(RedisChannel.Literal(LiveChannels.ForEvent(eventId)), message);
        }
        catch (Exception exception) when (exception is RedisException or TimeoutException or ObjectDisposedException)
        {
            LogHintLost(eventId, type, exception);
        }
    }

    [LoggerMessage(LogLevel.Warning, "The live {HintType} hint of event {EventId} was not published.")]
    private partial void LogHintLost(Guid eventId, string hintType, Exception exception);
}
