using System.Globalization;
using System.Net;
using System.Runtime.CompilerServices;

using KtEvents.Caching.Connections;
using KtEvents.Caching.Resp;

namespace KtEvents.Caching;

/// <summary>The <see cref="IServer"/> of the multiplexer's one endpoint.</summary>
internal sealed class RedisServerNode(ConnectionMultiplexer multiplexer, ManagedConnection connection) : IServer
{
    private static readonly RedisValue Match = "MATCH";
    private static readonly RedisValue Count = "COUNT";

    public EndPoint EndPoint => multiplexer.EndPoint;

    public bool IsConnected => connection.IsConnected;

    public IAsyncEnumerable<RedisKey> KeysAsync(int database = -1, RedisValue pattern = default, int pageSize = 250)
    {
        multiplexer.CheckDatabase(database);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(pageSize);
        return ScanAsync(pattern, pageSize, CancellationToken.None);
    }

    public Task<TimeSpan> PingAsync() => multiplexer.GetDatabase().PingAsync();

    /// <summary>One SCAN call: the keys of one page and the cursor to continue from (0 when done).</summary>
    internal Task<ScanPage> ScanPageAsync(ulong cursor, RedisValue pattern, int pageSize)
    {
        var position = cursor.ToString(CultureInfo.InvariantCulture);
        return pattern.IsNull
            ? connection.ExecuteAsync(RedisCommand.Scan, Replies.ScanPage, position, Count, pageSize)
            : connection.ExecuteAsync(RedisCommand.Scan, Replies.ScanPage, position, Match, pattern, Count, pageSize);
    }

    private async IAsyncEnumerable<RedisKey> ScanAsync(RedisValue pattern, int pageSize, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var cursor = 0UL;
        do
        {
            var page = await ScanPageAsync(cursor, pattern, pageSize).WaitAsync(cancellationToken);
            foreach (var key in page.Keys)
            {
                yield return key;
            }
            cursor = page.Cursor;
        }
        while (cursor != 0);
    }
}
