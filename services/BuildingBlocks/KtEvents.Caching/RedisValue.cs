using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace KtEvents.Caching;

/// <summary>
/// A value sent to or read from Redis, as StackExchange.Redis's <c>RedisValue</c>: text, raw bytes, an
/// integer, a floating-point number, or null (a missing key, a null bulk reply). Bytes go over the wire
/// as they are and text as UTF-8, so values are binary-safe; numbers go in Redis's decimal form.
/// </summary>
public readonly struct RedisValue : IEquatable<RedisValue>
{
    private const byte NullKind = 0;
    private const byte TextKind = 1;
    private const byte BytesKind = 2;
    private const byte IntegerKind = 3;
    private const byte FloatKind = 4;

    // Longest decimal form of a long or a round-trip double ("-1.7976931348623157E+308").
    private const int MaxNumberLength = 32;

    private readonly object? reference; // the string or byte[]
    private readonly long bits;          // the long, or the double's bits
    private readonly byte kind;

    private RedisValue(object? reference, long bits, byte kind)
    {
        this.reference = reference;
        this.bits = bits;
        this.kind = kind;
    }

    public static RedisValue Null => default;

    public static RedisValue EmptyString { get; } = new("", 0, TextKind);

    public bool IsNull => kind == NullKind;

    public bool HasValue => kind != NullKind;

    public bool IsNullOrEmpty => kind switch
    {
        NullKind => true,
        TextKind => ((string)reference!).Length == 0,
        BytesKind => ((byte[])reference!).Length == 0,
        _ => false,
    };

    /// <summary>True when the value holds a <see cref="long"/> (as written, or as an integer reply).</summary>
    public bool IsInteger => kind == IntegerKind;

    public static implicit operator RedisValue(string? value) => value is null ? Null : new(value, 0, TextKind);

    public static implicit operator RedisValue(byte[]? value) => value is null ? Null : new(value, 0, BytesKind);

    public static implicit operator RedisValue(int value) => new(null, value, IntegerKind);

    public static implicit operator RedisValue(long value) => new(null, value, IntegerKind);

    public static implicit operator RedisValue(double value) => new(null, BitConverter.DoubleToInt64Bits(value), FloatKind);

    public static implicit operator RedisValue(bool value) => new(null, value ? 1 : 0, IntegerKind);

    public static explicit operator string?(RedisValue value) => value.kind switch
    {
        NullKind => null,
        TextKind => (string)value.reference!,
        BytesKind => Encoding.UTF8.GetString((byte[])value.reference!),
        IntegerKind => value.bits.ToString(CultureInfo.InvariantCulture),
        _ => FormatDouble(BitConverter.Int64BitsToDouble(value.bits)),
    };

    public static explicit operator byte[]?(RedisValue value) => value.kind switch
    {
        NullKind => null,
        BytesKind => (byte[])value.reference!,
        TextKind => Encoding.UTF8.GetBytes((string)value.reference!),
        _ => Encoding.ASCII.GetBytes(value.ToString()),
    };

    /// <summary>The integer; 0 for null, as StackExchange.Redis does. Text that is not an integer throws.</summary>
    public static explicit operator long(RedisValue value) => value.kind switch
    {
        NullKind => 0,
        IntegerKind => value.bits,
        FloatKind when BitConverter.Int64BitsToDouble(value.bits) is var d && d == Math.Floor(d) && d is >= long.MinValue and <= long.MaxValue => (long)d,
        TextKind when long.TryParse((string)value.reference!, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) => n,
        BytesKind when Utf8Parser.TryParse((byte[])value.reference!, out long n, out var used) && used == ((byte[])value.reference!).Length => n,
        _ => throw new InvalidCastException("The value is not an integer."),
    };

    public static explicit operator long?(RedisValue value) => value.IsNull ? null : (long)value;

    public static explicit operator int(RedisValue value) => checked((int)(long)value);

    /// <summary>The number, with Redis's <c>inf</c>/<c>-inf</c> spellings; 0 for null.</summary>
    public static explicit operator double(RedisValue value) => value.kind switch
    {
        NullKind => 0,
        IntegerKind => value.bits,
        FloatKind => BitConverter.Int64BitsToDouble(value.bits),
        _ => ParseDouble(value.ToString()),
    };

    public static explicit operator double?(RedisValue value) => value.IsNull ? null : (double)value;

    public static explicit operator bool(RedisValue value) => value.kind switch
    {
        NullKind => false,
        IntegerKind => value.bits != 0,
        _ => value.ToString() switch
        {
            "1" or "true" or "True" => true,
            "0" or "false" or "False" or "" => false,
            _ => throw new InvalidCastException("The value is not a boolean."),
        },
    };

    public static bool operator ==(RedisValue left, RedisValue right) => left.Equals(right);

    public static bool operator !=(RedisValue left, RedisValue right) => !left.Equals(right);

    /// <summary>Equal when both are null, or when their wire forms are the same bytes.</summary>
    public bool Equals(RedisValue other)
    {
        if (kind == NullKind || other.kind == NullKind)
        {
            return kind == other.kind;
        }
        if (kind == other.kind && kind is IntegerKind or FloatKind)
        {
            return bits == other.bits;
        }
        if (kind == TextKind && other.kind == TextKind)
        {
            return string.Equals((string)reference!, (string)other.reference!, StringComparison.Ordinal);
        }
        return WireBytes().AsSpan().SequenceEqual(other.WireBytes());
    }

    public override bool Equals(object? obj) => obj is RedisValue other && Equals(other);

    public override int GetHashCode()
    {
        if (kind == NullKind)
        {
            return 0;
        }
        var hash = new HashCode();
        hash.AddBytes(WireBytes());
        return hash.ToHashCode();
    }

    /// <summary>The text form; the empty string for null.</summary>
    public override string ToString() => (string?)this ?? "";

    /// <summary>Number of bytes the value takes on the wire (the payload of its bulk string).</summary>
    internal int GetByteCount()
    {
        switch (kind)
        {
            case NullKind:
                return 0;
            case TextKind:
                return Encoding.UTF8.GetByteCount((string)reference!);
            case BytesKind:
                return ((byte[])reference!).Length;
            default:
                Span<byte> scratch = stackalloc byte[MaxNumberLength];
                return FormatNumber(scratch);
        }
    }

    /// <summary>Writes the wire form into <paramref name="destination"/>, which is at least <see cref="GetByteCount"/> long.</summary>
    internal int CopyTo(Span<byte> destination) => kind switch
    {
        NullKind => 0,
        TextKind => Encoding.UTF8.GetBytes((string)reference!, destination),
        BytesKind => CopyBytes((byte[])reference!, destination),
        _ => FormatNumber(destination),
    };

    internal static double ParseDouble(ReadOnlySpan<char> text) => text switch
    {
        "inf" or "+inf" or "Infinity" => double.PositiveInfinity,
        "-inf" or "-Infinity" => double.NegativeInfinity,
        "nan" => double.NaN,
        _ => double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d)
            ? d
            : throw new InvalidCastException("The value is not a number."),
    };

    private static int CopyBytes(byte[] source, Span<byte> destination)
    {
        source.CopyTo(destination);
        return source.Length;
    }

    private int FormatNumber(Span<byte> destination)
    {
        if (kind == IntegerKind)
        {
            Utf8Formatter.TryFormat(bits, destination, out var written);
            return written;
        }
        var value = BitConverter.Int64BitsToDouble(bits);
        if (double.IsInfinity(value))
        {
            return Encoding.ASCII.GetBytes(value > 0 ? "+inf" : "-inf", destination);
        }
        value.TryFormat(destination, out var length, "R", CultureInfo.InvariantCulture);
        return length;
    }

    private byte[] WireBytes()
    {
        if (kind == BytesKind)
        {
            return (byte[])reference!;
        }
        var bytes = new byte[GetByteCount()];
        CopyTo(bytes);
        return bytes;
    }

    private static string FormatDouble(double value) => double.IsInfinity(value)
        ? (value > 0 ? "+inf" : "-inf")
        : value.ToString("R", CultureInfo.InvariantCulture);
}
