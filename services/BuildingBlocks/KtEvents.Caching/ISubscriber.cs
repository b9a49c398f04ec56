namespace KtEvents.Caching;

/// <summary>
/// Pub/sub, as StackExchange.Redis's <c>ISubscriber</c>. Subscriptions live on a dedicated connection
/// (opened on the first one) and are restored after a reconnect; messages published while it was down
/// are lost, as Redis pub/sub does not keep them. Handlers run one at a time, in arrival order, off the
/// connection's read loop; an exception from a handler is logged and does not stop the others.
/// </summary>
public interface ISubscriber
{
    IConnectionMultiplexer Multiplexer { get; }

    /// <summary>PUBLISH (over the interactive connection); returns how many subscribers received it.</summary>
    Task<long> PublishAsync(RedisChannel channel, RedisValue message);

    /// <summary>
    /// Adds <paramref name="handler"/> for <paramref name="channel"/> (a pattern channel uses PSUBSCRIBE;
    /// the handler then gets the actual channel). When this returns, the server has confirmed the
    /// subscription; when it throws, nothing was registered.
    /// </summary>
    Task SubscribeAsync(RedisChannel channel, Action<RedisChannel, RedisValue> handler);

    /// <summary>Removes <paramref name="handler"/>, or every handler of the channel when null.</summary>
    Task UnsubscribeAsync(RedisChannel channel, Action<RedisChannel, RedisValue>? handler = null);

    Task UnsubscribeAllAsync();
}
