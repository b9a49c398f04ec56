using System.Net;

namespace KtEvents.Caching;

/// <summary>Server-level operations, as StackExchange.Redis's <c>IServer</c> (the subset this product uses).</summary>
public interface IServer
{
    EndPoint EndPoint { get; }

    bool IsConnected { get; }

    /// <summary>
    /// Every key matching <paramref name="pattern"/> (all keys when null), read page by page with SCAN
    /// (COUNT <paramref name="pageSize"/>), never with KEYS. As with SCAN, a key added or removed during
    /// the walk may or may not appear, and one present throughout appears at least once. Cancel it
    /// with <c>WithCancellation</c>.
    /// </summary>
    IAsyncEnumerable<RedisKey> KeysAsync(int database = -1, RedisValue pattern = default, int pageSize = 250);

    Task<TimeSpan> PingAsync();
}
