using System.Text;

namespace KtEvents.Caching.Resp;

/// <summary>
/// A command name with its bulk-string encoding computed once, so sending GET or SET copies a few
/// cached bytes instead of encoding the name on every call. The name is also the span's name.
/// </summary>
internal sealed class RedisCommand
{
    public static readonly RedisCommand Auth = new("AUTH");
    public static readonly RedisCommand Client = new("CLIENT");
    public static readonly RedisCommand Del = new("DEL");
    public static readonly RedisCommand Eval = new("EVAL");
    public static readonly RedisCommand Exists = new("EXISTS");
    public static readonly RedisCommand Expire = new("EXPIRE");
    public static readonly RedisCommand Get = new("GET");
    public static readonly RedisCommand HDel = new("HDEL");
    public static readonly RedisCommand HGet = new("HGET");
    public static readonly RedisCommand HGetAll = new("HGETALL");
    public static readonly RedisCommand HIncrBy = new("HINCRBY");
    public static readonly RedisCommand HSet = new("HSET");
    public static readonly RedisCommand HSetNx = new("HSETNX");
    public static readonly RedisCommand Incr = new("INCR");
    public static readonly RedisCommand IncrBy = new("INCRBY");
    public static readonly RedisCommand PExpire = new("PEXPIRE");
    public static readonly RedisCommand Persist = new("PERSIST");
    public static readonly RedisCommand Ping = new("PING");
    public static readonly RedisCommand PSubscribe = new("PSUBSCRIBE");
    public static readonly RedisCommand PTtl = new("PTTL");
    public static readonly RedisCommand Publish = new("PUBLISH");
    public static readonly RedisCommand PUnsubscribe = new("PUNSUBSCRIBE");
    public static readonly RedisCommand Scan = new("SCAN");
    public static readonly RedisCommand Select = new("SELECT");
    public static readonly RedisCommand Set = new("SET");
    public static readonly RedisCommand Subscribe = new("SUBSCRIBE");
    public static readonly RedisCommand Unsubscribe = new("UNSUBSCRIBE");
    public static readonly RedisCommand ZAdd = new("ZADD");
    public static readonly RedisCommand ZCard = new("ZCARD");
    public static readonly RedisCommand ZIncrBy = new("ZINCRBY");
    public static readonly RedisCommand ZRange = new("ZRANGE");
    public static readonly RedisCommand ZRevRange = new("ZREVRANGE");
    public static readonly RedisCommand ZScore = new("ZSCORE");

    public RedisCommand(string name)
    {
        Name = name;
        Encoded = Encoding.UTF8.GetBytes($"${Encoding.UTF8.GetByteCount(name)}\r\n{name}\r\n");
    }

    public string Name { get; }

    /// <summary><c>$len\r\nNAME\r\n</c>: the name as the first bulk string of the command array.</summary>
    public byte[] Encoded { get; }

    public override string ToString() => Name;
}
