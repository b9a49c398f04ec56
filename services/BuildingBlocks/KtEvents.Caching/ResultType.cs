namespace KtEvents.Caching;

/// <summary>The RESP2 reply kinds a <see cref="RedisResult"/> can hold.</summary>
public enum ResultType
{
    None,
    SimpleString,
    Error,
    Integer,
    BulkString,
    Array,
}
