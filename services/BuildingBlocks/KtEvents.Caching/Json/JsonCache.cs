using System.Collections.Concurrent;
using System.Text.Json;

using KtEvents.Caching.Connections;

using Microsoft.Extensions.Logging;

namespace KtEvents.Caching;

/// <summary>
/// <see cref="IJsonCache"/> over Redis strings (SET … PX, GET, DEL) with an in-process single-flight
/// gate per key. The gate is local to this process: several replicas that miss together each load once.
/// </summary>
internal sealed class JsonCache(IConnectionMultiplexer redis, ILogger<JsonCache> logger) : IJsonCache
{
    private static readonly JsonSerializerOptions SerializerOptions = JsonSerializerOptions.Web;

    // key → JsonCacheFlight<T> of the load in progress; removed when the load ends.
    private readonly ConcurrentDictionary<string, object> flights = new(StringComparer.Ordinal);

    public async Task<T> GetOrCreateAsync<T>(string key, TimeSpan ttl, Func<CancellationToken, Task<T>> loader, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        ArgumentNullException.ThrowIfNull(loader);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(ttl, TimeSpan.Zero);

        var (found, cached) = await TryReadAsync<T>(key, cancellationToken);
        if (found)
        {
            return cached!;
        }
        while (true)
        {
            if (flights.TryGetValue(key, out var existing))
            {
                if (existing is not JsonCacheFlight<T> running)
                {
                    // The same key is being loaded as another type: a caller's mistake; do not share.
                    return await LoadAsync(key, ttl, loader, cancellationToken);
                }
                if (running.TryJoin())
                {
                    return await running.WaitAsync(cancellationToken);
                }
                flights.TryRemove(new KeyValuePair<string, object>(key, existing)); // abandoned by all its callers
                continue;
            }
            var flight = new JsonCacheFlight<T>();
            if (flights.TryAdd(key, flight))
            {
                _ = RunAsync(key, ttl, loader, flight);
                return await flight.WaitAsync(cancellationToken);
            }
        }
    }

    public async Task<T?> GetAsync<T>(string key, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        var raw = await redis.GetDatabase().StringGetAsync(key).WaitAsync(cancellationToken);
        return raw.IsNull ? default : JsonSerializer.Deserialize<T>((byte[])raw!, SerializerOptions);
    }

    public Task SetAsync<T>(string key, T value, TimeSpan ttl, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(ttl, TimeSpan.Zero);
        return redis.GetDatabase().StringSetAsync(key, JsonSerializer.SerializeToUtf8Bytes(value, SerializerOptions), ttl)
            .WaitAsync(cancellationToken);
    }

    public Task RemoveAsync(string key, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        return redis.GetDatabase().KeyDeleteAsync(key).WaitAsync(cancellationToken);
    }

    /// <summary>How many callers wait on the load of <paramref name="key"/> now (0 when none runs).</summary>
    internal int CallersOf<T>(string key) =>
        flights.TryGetValue(key, out var existing) && existing is JsonCacheFlight<T> flight ? flight.Callers : 0;

    private async Task RunAsync<T>(string key, TimeSpan ttl, Func<CancellationToken, Task<T>> loader, JsonCacheFlight<T> flight)
    {
        try
        {
            // Checked again now that this flight is registered: a flight that ended between this
            // caller's miss and its registration, or another process, may have stored it meanwhile.
            var (found, cached) = await TryReadAsync<T>(key, flight.Token);
            flight.Complete(found ? cached! : await LoadAsync(key, ttl, loader, flight.Token));
        }
        catch (Exception ex)
        {
            flight.Fail(ex);
        }
        finally
        {
            flights.TryRemove(new KeyValuePair<string, object>(key, flight));
        }
    }

    private async Task<T> LoadAsync<T>(string key, TimeSpan ttl, Func<CancellationToken, Task<T>> loader, CancellationToken cancellationToken)
    {
        var value = await loader(cancellationToken);
        try
        {
            var json = JsonSerializer.SerializeToUtf8Bytes(value, SerializerOptions);
            await redis.GetDatabase().StringSetAsync(key, json, ttl).WaitAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            CachingLog.CacheWriteFailed(logger, ex.GetType().Name);
        }
        return value;
    }

    private async Task<(bool Found, T? Value)> TryReadAsync<T>(string key, CancellationToken cancellationToken)
    {
        RedisValue raw;
        try
        {
            raw = await redis.GetDatabase().StringGetAsync(key).WaitAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            CachingLog.CacheReadFailed(logger, ex.GetType().Name);
            return (false, default);
        }
        if (raw.IsNull)
        {
            return (false, default);
        }
        try
        {
            return (true, JsonSerializer.Deserialize<T>((byte[])raw!, SerializerOptions));
        }
        catch (JsonException)
        {
            CachingLog.CacheEntryUnreadable(logger, typeof(T).Name);
            return (false, default);
        }
    }
}
