using System.Text;

namespace KtEvents.Caching;

/// <summary>A key, as text (sent as UTF-8) or raw bytes, as StackExchange.Redis's <c>RedisKey</c>.</summary>
public readonly struct RedisKey : IEquatable<RedisKey>
{
    private readonly object? value; // string or byte[]

    private RedisKey(object? value) => this.value = value;

    public static implicit operator RedisKey(string? key) => new(key);

    public static implicit operator RedisKey(byte[]? key) => new(key);

    public static implicit operator string?(RedisKey key) => key.value switch
    {
        string text => text,
        byte[] bytes => Encoding.UTF8.GetString(bytes),
        _ => null,
    };

    public static implicit operator byte[]?(RedisKey key) => key.value switch
    {
        string text => Encoding.UTF8.GetBytes(text),
        byte[] bytes => bytes,
        _ => null,
    };

    public static bool operator ==(RedisKey left, RedisKey right) => left.Equals(right);

    public static bool operator !=(RedisKey left, RedisKey right) => !left.Equals(right);

    public bool Equals(RedisKey other) => AsValue().Equals(other.AsValue());

    public override bool Equals(object? obj) => obj is RedisKey other && Equals(other);

    public override int GetHashCode() => AsValue().GetHashCode();

    public override string ToString() => (string?)this ?? "";

    /// <summary>The key as a command argument (a null key goes as the empty string, as in StackExchange.Redis).</summary>
    internal RedisValue AsValue() => value switch
    {
        string text => text,
        byte[] bytes => bytes,
        _ => RedisValue.EmptyString,
    };
}
