using System.Text.Json;

using Google.Protobuf;

using KtEvents.Caching;

namespace KtEvents.Ai.Recommendations;

/// <summary>
/// Protobuf messages in Redis as their binary encoding (compact, and exactly what the reply carries);
/// the similar cases, plain records, as JSON.
/// A cache is an optimisation: Redis being down or slow, or an entry that cannot be read, makes a
/// read a miss and a write a no-op, logged, never a failed recommendation.
/// </summary>
public sealed partial class ProtoCache(IConnectionMultiplexer redis, ILogger<ProtoCache> logger)
{
    public async Task<T?> GetAsync<T>(string key, MessageParser<T> parser) where T : class, IMessage<T> =>
        await ReadAsync(key, parser.ParseFrom);

    public Task SetAsync(string key, IMessage value, TimeSpan ttl) => WriteAsync(key, value.ToByteArray(), ttl);

    public async Task<T?> GetJsonAsync<T>(string key) where T : class =>
        await ReadAsync(key, bytes => JsonSerializer.Deserialize<T>(bytes, JsonSerializerOptions.Web));

    public Task SetJsonAsync<T>(string key, T value, TimeSpan ttl) =>
        WriteAsync(key, JsonSerializer.SerializeToUtf8Bytes(value, JsonSerializerOptions.Web), ttl);

    private async Task<T?> ReadAsync<T>(string key, Func<byte[], T?> parse) where T : class
    {
        try
        {
            var value = await redis.GetDatabase().StringGetAsync(key);
            return value.IsNull ? null : parse((byte[])value!);
        }
        catch (Exception exception) when (exception is RedisException or TimeoutException or InvalidProtocolBufferException or JsonException)
        {
            LogReadFailed(logger, exception, key);
            return null;
        }
    }

    private async Task WriteAsync(string key, byte[] value, TimeSpan ttl)
    {
        try
        {
            await redis.GetDatabase().StringSetAsync(key, value, ttl);
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
