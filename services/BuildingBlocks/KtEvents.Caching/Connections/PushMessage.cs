namespace KtEvents.Caching.Connections;

/// <summary>A pub/sub message: the subscription it matched (a channel or a pattern), the actual channel, the payload.</summary>
internal readonly record struct PushMessage(RedisChannel Subscription, RedisChannel Channel, RedisValue Message);
