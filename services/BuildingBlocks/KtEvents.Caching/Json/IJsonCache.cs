namespace KtEvents.Caching;

/// <summary>
/// Values cached in Redis as JSON (System.Text.Json, web defaults) with a time to live.
/// </summary>
public interface IJsonCache
{
    /// <summary>
    /// The cached value of <paramref name="key"/>, or the loader's result, stored for <paramref name="ttl"/>.
    /// Concurrent misses on one key in this process run the loader once and all get its result
    /// (single-flight); if it throws, they all get the exception and nothing is cached. Redis being
    /// unreachable or slow makes this a miss (logged), never an error: the loader's result is returned.
    /// A caller whose token is cancelled stops waiting; the loader is cancelled only when every
    /// caller waiting on it has given up.
    /// </summary>
    Task<T> GetOrCreateAsync<T>(string key, TimeSpan ttl, Func<CancellationToken, Task<T>> loader, CancellationToken cancellationToken = default);

    /// <summary>The cached value, or default when absent. Redis errors propagate.</summary>
    Task<T?> GetAsync<T>(string key, CancellationToken cancellationToken = default);

    /// <summary>Stores <paramref name="value"/> for <paramref name="ttl"/>. Redis errors propagate.</summary>
    Task SetAsync<T>(string key, T value, TimeSpan ttl, CancellationToken cancellationToken = default);

    /// <summary>Removes the entry (an invalidation); Redis errors propagate, so a failed one is not silent.</summary>
    Task RemoveAsync(string key, CancellationToken cancellationToken = default);
}
