using Google.Protobuf;

using KtEvents.Caching;

namespace KtEvents.Ai.Recommendations;

/// <summary>
/// Protobuf messages in Redis as their binary encoding (compact, and exactly what the reply carries).
/// A cache is an optimisation: Redis being down or slow makes a read a miss and a write a no-op,
/// logged, never a failed recommendation.
/// </summary>
public sealed partial class ProtoCache(IConnectionMultiplexer redis, ILogger<ProtoCache> logger)
{
    public async Task<T?> GetAsync<T>(string key, MessageParser<T> parser) where T : class, IMessage<T>
    {
        try
        {
            var value = await redis.GetDatabase().StringGetAsync(key);
            return value.IsNull ? null : parser.ParseFrom((byte[])value!);
        }
        catch (Exception exception) when (exception is RedisException or TimeoutException or InvalidProtocolBufferException)
        {
            LogReadFailed(logger, exception, key);
            return null;
        }
    }

    public async Task SetAsync(string key, IMessage value, TimeSpan ttl)
    {
        try
        {
            await redis.GetDatabase().StringSetAsync(key, value.ToByteArray(), ttl);
        }
        catch (Exception exception) when (exception is RedisException or TimeoutException)
        {
            LogWriteFailed(logger, exception, key);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cache read of {Key} failed; treating it as a miss")]
    private static partial void LogReadFailed(ILogger logger, Exception exception, string key);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cache write of {Key} failed; the value is not cached")]
    private static partial void LogWriteFailed(ILogger logger, Exception exception, string key);
}
