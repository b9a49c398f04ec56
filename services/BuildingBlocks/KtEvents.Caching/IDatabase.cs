namespace KtEvents.Caching;

/// <summary>
/// Commands on one database, with StackExchange.Redis's names, parameters and results for the subset
/// this product uses. Every call is one command on the shared connection; concurrent calls pipeline.
/// </summary>
public interface IDatabase
{
    int Database { get; }

    IConnectionMultiplexer Multiplexer { get; }

    Task<TimeSpan> PingAsync();

    /// <summary>SET key value [PX ms] [NX|XX]; false when the condition kept it from being set.</summary>
    Task<bool> StringSetAsync(RedisKey key, RedisValue value, TimeSpan? expiry = null, When when = When.Always);

    /// <summary>GET; <see cref="RedisValue.Null"/> when the key does not exist.</summary>
    Task<RedisValue> StringGetAsync(RedisKey key);

    /// <summary>INCR, or INCRBY when <paramref name="value"/> is not 1; returns the new value.</summary>
    Task<long> StringIncrementAsync(RedisKey key, long value = 1);

    /// <summary>DEL; true when the key existed.</summary>
    Task<bool> KeyDeleteAsync(RedisKey key);

    /// <summary>DEL of several keys; returns how many existed.</summary>
    Task<long> KeyDeleteAsync(RedisKey[] keys);

    Task<bool> KeyExistsAsync(RedisKey key);

    /// <summary>EXPIRE (whole seconds) or PEXPIRE; PERSIST when <paramref name="expiry"/> is null. False when the key does not exist.</summary>
    Task<bool> KeyExpireAsync(RedisKey key, TimeSpan? expiry);

    /// <summary>PTTL; null when the key does not exist or has no expiry.</summary>
    Task<TimeSpan?> KeyTimeToLiveAsync(RedisKey key);

    /// <summary>HSET (or HSETNX for <see cref="When.NotExists"/>); true when the field is new.</summary>
    Task<bool> HashSetAsync(RedisKey key, RedisValue hashField, RedisValue value, When when = When.Always);

    /// <summary>HSET of several fields at once.</summary>
    Task HashSetAsync(RedisKey key, HashEntry[] hashFields);

    Task<RedisValue> HashGetAsync(RedisKey key, RedisValue hashField);

    Task<HashEntry[]> HashGetAllAsync(RedisKey key);

    /// <summary>HINCRBY; returns the new value.</summary>
    Task<long> HashIncrementAsync(RedisKey key, RedisValue hashField, long value = 1);

    /// <summary>HDEL; true when the field existed.</summary>
    Task<bool> HashDeleteAsync(RedisKey key, RedisValue hashField);

    /// <summary>ZADD [NX|XX]; true when the member was added (false when only its score changed).</summary>
    Task<bool> SortedSetAddAsync(RedisKey key, RedisValue member, double score, When when = When.Always);

    /// <summary>ZINCRBY; returns the new score.</summary>
    Task<double> SortedSetIncrementAsync(RedisKey key, RedisValue member, double value);

    /// <summary>ZRANGE (or ZREVRANGE) start stop WITHSCORES.</summary>
    Task<SortedSetEntry[]> SortedSetRangeByRankWithScoresAsync(RedisKey key, long start = 0, long stop = -1, Order order = Order.Ascending);

    /// <summary>ZSCORE; null when the member or the key does not exist.</summary>
    Task<double?> SortedSetScoreAsync(RedisKey key, RedisValue member);

    /// <summary>ZCARD.</summary>
    Task<long> SortedSetLengthAsync(RedisKey key);

    /// <summary>EVAL script numkeys key… arg…</summary>
    Task<RedisResult> ScriptEvaluateAsync(string script, RedisKey[]? keys = null, RedisValue[]? values = null);

    /// <summary>Takes a lock: SET key token PX expiry NX. True when this caller now holds it.</summary>
    Task<bool> LockTakeAsync(RedisKey key, RedisValue value, TimeSpan expiry);

    /// <summary>Releases a lock only if <paramref name="value"/> still holds it (compare-and-delete in one script).</summary>
    Task<bool> LockReleaseAsync(RedisKey key, RedisValue value);

    /// <summary>Extends a lock's expiry only if <paramref name="value"/> still holds it.</summary>
    Task<bool> LockExtendAsync(RedisKey key, RedisValue value, TimeSpan expiry);

    /// <summary>
    /// Any other command, e.g. <c>ExecuteAsync("TTL", key)</c>. Arguments may be <see cref="RedisKey"/>,
    /// <see cref="RedisValue"/>, string, byte[] or a number. Commands that would take over the shared
    /// connection (SUBSCRIBE, MONITOR, SELECT …) are refused, and administrative ones need
    /// <c>allowAdmin=true</c>. Blocking commands (BLPOP …) hold up every caller behind them: avoid.
    /// </summary>
    Task<RedisResult> ExecuteAsync(string command, params object[] args);
}
