using System.Text;

namespace KtEvents.Caching;

/// <summary>
/// A pub/sub channel name, either literal (SUBSCRIBE) or a glob pattern (PSUBSCRIBE). As in current
/// StackExchange.Redis, the kind is chosen explicitly with <see cref="Literal(string)"/> or
/// <see cref="Pattern(string)"/>; there is no implicit conversion from string.
/// </summary>
public readonly struct RedisChannel : IEquatable<RedisChannel>
{
    private readonly byte[]? name;

    private RedisChannel(byte[] name, bool isPattern)
    {
        this.name = name;
        IsPattern = isPattern;
    }

    public bool IsPattern { get; }

    public bool IsNullOrEmpty => name is null || name.Length == 0;

    public static RedisChannel Literal(string name) => new(Encoding.UTF8.GetBytes(name), isPattern: false);

    public static RedisChannel Literal(byte[] name) => new(name, isPattern: false);

    public static RedisChannel Pattern(string pattern) => new(Encoding.UTF8.GetBytes(pattern), isPattern: true);

    public static RedisChannel Pattern(byte[] pattern) => new(pattern, isPattern: true);

    public static implicit operator string?(RedisChannel channel) => channel.name is null ? null : Encoding.UTF8.GetString(channel.name);

    public static bool operator ==(RedisChannel left, RedisChannel right) => left.Equals(right);

    public static bool operator !=(RedisChannel left, RedisChannel right) => !left.Equals(right);

    public bool Equals(RedisChannel other) =>
        IsPattern == other.IsPattern && (name ?? []).AsSpan().SequenceEqual(other.name ?? []);

    public override bool Equals(object? obj) => obj is RedisChannel other && Equals(other);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.AddBytes(name ?? []);
        hash.Add(IsPattern);
        return hash.ToHashCode();
    }

    public override string ToString() => (string?)this ?? "";

    internal RedisValue AsValue() => name ?? [];
}
