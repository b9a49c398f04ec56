namespace KtEvents.Caching;

/// <summary>
/// Any RESP2 reply, as StackExchange.Redis's <c>RedisResult</c>: what <c>EVAL</c> and
/// <c>ExecuteAsync</c> return. Read it with the explicit conversions; an array nests further results.
/// An error inside an array (a script's error table) is kept as a result of type
/// <see cref="ResultType.Error"/>; converting it to a value throws <see cref="RedisServerException"/>.
/// </summary>
public sealed class RedisResult
{
    private readonly RedisValue value;
    private readonly RedisResult[]? items;
    private readonly string? error;

    private RedisResult(ResultType type, RedisValue value, RedisResult[]? items, string? error)
    {
        Type = type;
        this.value = value;
        this.items = items;
        this.error = error;
    }

    public ResultType Type { get; }

    /// <summary>True for a null bulk string or a null array.</summary>
    public bool IsNull => Type switch
    {
        ResultType.Array => items is null,
        ResultType.Error => false,
        _ => value.IsNull,
    };

    /// <summary>The number of elements of an array reply; -1 for anything else or a null array.</summary>
    public int Length => items?.Length ?? -1;

    public RedisResult this[int index] => (items ?? throw new InvalidCastException("The result is not an array."))[index];

    public static explicit operator RedisValue(RedisResult result) => result.Scalar();

    public static explicit operator string?(RedisResult result) =>
        result.Type == ResultType.Error ? result.error : (string?)result.Scalar();

    public static explicit operator byte[]?(RedisResult result) => (byte[]?)result.Scalar();

    public static explicit operator long(RedisResult result) => (long)result.Scalar();

    public static explicit operator long?(RedisResult result) => (long?)result.Scalar();

    public static explicit operator double(RedisResult result) => (double)result.Scalar();

    public static explicit operator double?(RedisResult result) => (double?)result.Scalar();

    public static explicit operator bool(RedisResult result) => (bool)result.Scalar();

    public static explicit operator RedisKey(RedisResult result) => (byte[]?)result.Scalar();

    public static explicit operator RedisResult[]?(RedisResult result) => result.Type == ResultType.Array
        ? result.items
        : throw new InvalidCastException("The result is not an array.");

    public static explicit operator string?[]?(RedisResult result) => ((RedisResult[]?)result)?.Select(item => (string?)item).ToArray();

    public static explicit operator long[]?(RedisResult result) => ((RedisResult[]?)result)?.Select(item => (long)item).ToArray();

    public static explicit operator RedisValue[]?(RedisResult result) => ((RedisResult[]?)result)?.Select(item => (RedisValue)item).ToArray();

    public static RedisResult Create(RedisValue value, ResultType type = ResultType.BulkString) => new(type, value, null, null);

    public static RedisResult Create(RedisResult[]? items) => new(ResultType.Array, RedisValue.Null, items, null);

    internal static RedisResult CreateError(string message) => new(ResultType.Error, RedisValue.Null, null, message);

    public override string ToString() => Type switch
    {
        ResultType.Error => error ?? "",
        ResultType.Array when items is null => "(null array)",
        ResultType.Array => $"{items.Length} element(s)",
        _ => value.ToString(),
    };

    private RedisValue Scalar() => Type switch
    {
        ResultType.Error => throw new RedisServerException(error ?? ""),
        ResultType.Array when items is null => RedisValue.Null,
        ResultType.Array when items.Length == 1 => items[0].Scalar(),
        ResultType.Array => throw new InvalidCastException("An array result cannot be read as a single value."),
        _ => value,
    };
}
