using System.Diagnostics;

using KtEvents.Caching.Connections;
using KtEvents.Caching.Resp;

namespace KtEvents.Caching;

/// <summary>The <see cref="IDatabase"/> of a multiplexer: each method encodes one command and parses its reply.</summary>
internal sealed class RedisDatabase(ConnectionMultiplexer multiplexer, ManagedConnection connection) : IDatabase
{
    // Compare-and-delete / compare-and-expire: only the holder's token may release or extend a lock,
    // and the check and the change happen atomically on the server.
    private const string ReleaseLockScript =
        "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end";

    private const string ExtendLockScript =
        "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) else return 0 end";

    private static readonly RedisValue Px = "PX";
    private static readonly RedisValue Nx = "NX";
    private static readonly RedisValue Xx = "XX";
    private static readonly RedisValue WithScores = "WITHSCORES";

    public int Database => multiplexer.DatabaseIndex;

    public IConnectionMultiplexer Multiplexer => multiplexer;

    public async Task<TimeSpan> PingAsync()
    {
        var started = Stopwatch.GetTimestamp();
        await connection.ExecuteAsync(RedisCommand.Ping, Replies.Any);
        return Stopwatch.GetElapsedTime(started);
    }

    public Task<bool> StringSetAsync(RedisKey key, RedisValue value, TimeSpan? expiry = null, When when = When.Always)
    {
        var condition = Condition(when);
        if (expiry is { } ttl)
        {
            var milliseconds = Milliseconds(ttl);
            return condition.IsNull
                ? connection.ExecuteAsync(RedisCommand.Set, Replies.Ok, key.AsValue(), value, Px, milliseconds)
                : connection.ExecuteAsync(RedisCommand.Set, Replies.Ok, key.AsValue(), value, Px, milliseconds, condition);
        }
        return condition.IsNull
            ? connection.ExecuteAsync(RedisCommand.Set, Replies.Ok, key.AsValue(), value)
            : connection.ExecuteAsync(RedisCommand.Set, Replies.Ok, key.AsValue(), value, condition);
    }

    public Task<RedisValue> StringGetAsync(RedisKey key) =>
        connection.ExecuteAsync(RedisCommand.Get, Replies.Value, key.AsValue());

    public Task<long> StringIncrementAsync(RedisKey key, long value = 1) => value == 1
        ? connection.ExecuteAsync(RedisCommand.Incr, Replies.Integer, key.AsValue())
        : connection.ExecuteAsync(RedisCommand.IncrBy, Replies.Integer, key.AsValue(), value);

    public Task<bool> KeyDeleteAsync(RedisKey key) =>
        connection.ExecuteAsync(RedisCommand.Del, Replies.Positive, key.AsValue());

    public Task<long> KeyDeleteAsync(RedisKey[] keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        return keys.Length == 0
            ? Task.FromResult(0L)
            : connection.ExecuteAsync(RedisCommand.Del, Replies.Integer, [.. keys.Select(key => key.AsValue())]);
    }

    public Task<bool> KeyExistsAsync(RedisKey key) =>
        connection.ExecuteAsync(RedisCommand.Exists, Replies.Positive, key.AsValue());

    public Task<bool> KeyExpireAsync(RedisKey key, TimeSpan? expiry)
    {
        if (expiry is not { } ttl)
        {
            return connection.ExecuteAsync(RedisCommand.Persist, Replies.Positive, key.AsValue());
        }
        var milliseconds = Milliseconds(ttl);
        return milliseconds % 1000 == 0
            ? connection.ExecuteAsync(RedisCommand.Expire, Replies.Positive, key.AsValue(), milliseconds / 1000)
            : connection.ExecuteAsync(RedisCommand.PExpire, Replies.Positive, key.AsValue(), milliseconds);
    }

    public Task<TimeSpan?> KeyTimeToLiveAsync(RedisKey key) =>
        connection.ExecuteAsync(RedisCommand.PTtl, Replies.TimeToLive, key.AsValue());

    public Task<bool> HashSetAsync(RedisKey key, RedisValue hashField, RedisValue value, When when = When.Always) => when switch
    {
        When.Always => connection.ExecuteAsync(RedisCommand.HSet, Replies.Positive, key.AsValue(), hashField, value),
        When.NotExists => connection.ExecuteAsync(RedisCommand.HSetNx, Replies.Positive, key.AsValue(), hashField, value),
        _ => throw new ArgumentOutOfRangeException(nameof(when), when, "Hash fields can be set always or when they do not exist."),
    };

    public Task HashSetAsync(RedisKey key, HashEntry[] hashFields)
    {
        ArgumentNullException.ThrowIfNull(hashFields);
        if (hashFields.Length == 0)
        {
            return Task.CompletedTask;
        }
        var args = new RedisValue[1 + (2 * hashFields.Length)];
        args[0] = key.AsValue();
        for (var i = 0; i < hashFields.Length; i++)
        {
            args[1 + (2 * i)] = hashFields[i].Name;
            args[2 + (2 * i)] = hashFields[i].Value;
        }
        return connection.ExecuteAsync(RedisCommand.HSet, Replies.Integer, args);
    }

    public Task<RedisValue> HashGetAsync(RedisKey key, RedisValue hashField) =>
        connection.ExecuteAsync(RedisCommand.HGet, Replies.Value, key.AsValue(), hashField);

    public Task<HashEntry[]> HashGetAllAsync(RedisKey key) =>
        connection.ExecuteAsync(RedisCommand.HGetAll, Replies.HashEntries, key.AsValue());

    public Task<long> HashIncrementAsync(RedisKey key, RedisValue hashField, long value = 1) =>
        connection.ExecuteAsync(RedisCommand.HIncrBy, Replies.Integer, key.AsValue(), hashField, value);

    public Task<bool> HashDeleteAsync(RedisKey key, RedisValue hashField) =>
        connection.ExecuteAsync(RedisCommand.HDel, Replies.Positive, key.AsValue(), hashField);

    public Task<bool> SortedSetAddAsync(RedisKey key, RedisValue member, double score, When when = When.Always)
    {
        var condition = Condition(when);
        return condition.IsNull
            ? connection.ExecuteAsync(RedisCommand.ZAdd, Replies.Positive, key.AsValue(), score, member)
            : connection.ExecuteAsync(RedisCommand.ZAdd, Replies.Positive, key.AsValue(), condition, score, member);
    }

    public Task<double> SortedSetIncrementAsync(RedisKey key, RedisValue member, double value) =>
        connection.ExecuteAsync(RedisCommand.ZIncrBy, Replies.Double, key.AsValue(), value, member);

    public Task<SortedSetEntry[]> SortedSetRangeByRankWithScoresAsync(RedisKey key, long start = 0, long stop = -1, Order order = Order.Ascending) =>
        connection.ExecuteAsync(order == Order.Ascending ? RedisCommand.ZRange : RedisCommand.ZRevRange,
            Replies.SortedSetEntries, key.AsValue(), start, stop, WithScores);

    public Task<double?> SortedSetScoreAsync(RedisKey key, RedisValue member) =>
        connection.ExecuteAsync(RedisCommand.ZScore, Replies.NullableDouble, key.AsValue(), member);

    public Task<long> SortedSetLengthAsync(RedisKey key) =>
        connection.ExecuteAsync(RedisCommand.ZCard, Replies.Integer, key.AsValue());

    public Task<RedisResult> ScriptEvaluateAsync(string script, RedisKey[]? keys = null, RedisValue[]? values = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(script);
        keys ??= [];
        values ??= [];
        var args = new RedisValue[2 + keys.Length + values.Length];
        args[0] = script;
        args[1] = keys.Length;
        for (var i = 0; i < keys.Length; i++)
        {
            args[2 + i] = keys[i].AsValue();
        }
        values.CopyTo(args, 2 + keys.Length);
        return connection.ExecuteAsync(RedisCommand.Eval, Replies.Result, args);
    }

    public Task<bool> LockTakeAsync(RedisKey key, RedisValue value, TimeSpan expiry) =>
        StringSetAsync(key, value, expiry, When.NotExists);

    public async Task<bool> LockReleaseAsync(RedisKey key, RedisValue value) =>
        (long)await ScriptEvaluateAsync(ReleaseLockScript, [key], [value]) == 1;

    public async Task<bool> LockExtendAsync(RedisKey key, RedisValue value, TimeSpan expiry) =>
        (long)await ScriptEvaluateAsync(ExtendLockScript, [key], [value, Milliseconds(expiry)]) == 1;

    public Task<RedisResult> ExecuteAsync(string command, params object[] args)
    {
        var checkedCommand = CommandPolicy.Check(command, args, multiplexer.Options.AllowAdmin);
        return connection.ExecuteAsync(new RedisCommand(checkedCommand), Replies.Result, [.. args.Select(ToValue)]);
    }

    private static RedisValue Condition(When when) => when switch
    {
        When.Always => RedisValue.Null,
        When.NotExists => Nx,
        When.Exists => Xx,
        _ => throw new ArgumentOutOfRangeException(nameof(when), when, null),
    };

    private static long Milliseconds(TimeSpan expiry) => expiry > TimeSpan.Zero
        ? Math.Max(1, (long)expiry.TotalMilliseconds)
        : throw new ArgumentOutOfRangeException(nameof(expiry), expiry, "An expiry must be positive.");

    private static RedisValue ToValue(object argument) => argument switch
    {
        RedisValue value => value,
        RedisKey key => key.AsValue(),
        RedisChannel channel => channel.AsValue(),
        string text => text,
        byte[] bytes => bytes,
        int number => number,
        long number => number,
        double number => number,
        bool flag => flag,
        _ => throw new ArgumentException($"An argument of type {argument?.GetType().Name ?? "null"} cannot be sent to Redis.", nameof(argument)),
    };
}
