using System.Buffers;
using System.Buffers.Text;

namespace KtEvents.Caching.Resp;

/// <summary>
/// The reply parsers the typed commands use. Static methods, so each delegate is created once by the
/// compiler and a command costs no parser allocation.
/// </summary>
internal static class Replies
{
    /// <summary>+OK → true; a null reply (SET … NX that did not set) → false.</summary>
    public static bool Ok(in ReadOnlySequence<byte> reply) => new RespReader(reply).ReadStatus() is not null;

    /// <summary>Any reply at all (PING answers +PONG, or an array in subscribe mode).</summary>
    public static bool Any(in ReadOnlySequence<byte> reply) => true;

    public static long Integer(in ReadOnlySequence<byte> reply) => new RespReader(reply).ReadInteger();

    /// <summary>Counts and flags (DEL, EXISTS, EXPIRE, HSET, ZADD …): true when at least one thing changed.</summary>
    public static bool Positive(in ReadOnlySequence<byte> reply) => new RespReader(reply).ReadInteger() > 0;

    public static RedisValue Value(in ReadOnlySequence<byte> reply) => new RespReader(reply).ReadValue();

    public static double? NullableDouble(in ReadOnlySequence<byte> reply) => new RespReader(reply).ReadNullableDouble();

    public static double Double(in ReadOnlySequence<byte> reply) =>
        new RespReader(reply).ReadNullableDouble() ?? throw new RedisException("Unexpected null reply where a number was expected.");

    public static RedisResult Result(in ReadOnlySequence<byte> reply) => new RespReader(reply).ReadResult();

    /// <summary>PTTL: milliseconds left; -1 (no expiry) and -2 (no key) both mean null, as in StackExchange.Redis.</summary>
    public static TimeSpan? TimeToLive(in ReadOnlySequence<byte> reply) =>
        new RespReader(reply).ReadInteger() is var ms && ms >= 0 ? TimeSpan.FromMilliseconds(ms) : null;

    /// <summary>HGETALL: a flat array field, value, field, value …</summary>
    public static HashEntry[] HashEntries(in ReadOnlySequence<byte> reply)
    {
        var reader = new RespReader(reply);
        var count = Math.Max(0, reader.ReadArrayLength());
        var entries = new HashEntry[count / 2];
        for (var i = 0; i < entries.Length; i++)
        {
            entries[i] = new HashEntry(reader.ReadValue(), reader.ReadValue());
        }
        return entries;
    }

    /// <summary>ZRANGE … WITHSCORES in RESP2: a flat array member, score, member, score …</summary>
    public static SortedSetEntry[] SortedSetEntries(in ReadOnlySequence<byte> reply)
    {
        var reader = new RespReader(reply);
        var count = Math.Max(0, reader.ReadArrayLength());
        var entries = new SortedSetEntry[count / 2];
        for (var i = 0; i < entries.Length; i++)
        {
            var member = reader.ReadValue();
            entries[i] = new SortedSetEntry(member, reader.ReadNullableDouble() ?? 0);
        }
        return entries;
    }

    /// <summary>SCAN: [cursor as a bulk string, [key, key, …]].</summary>
    public static ScanPage ScanPage(in ReadOnlySequence<byte> reply)
    {
        var reader = new RespReader(reply);
        if (reader.ReadArrayLength() != 2)
        {
            throw new RedisException("Unexpected SCAN reply.");
        }
        var cursorText = (byte[]?)reader.ReadValue() ?? [];
        if (!Utf8Parser.TryParse(cursorText, out ulong cursor, out var used) || used != cursorText.Length)
        {
            throw new RedisException("Unexpected SCAN cursor.");
        }
        var keys = new RedisKey[Math.Max(0, reader.ReadArrayLength())];
        for (var i = 0; i < keys.Length; i++)
        {
            keys[i] = (byte[]?)reader.ReadValue();
        }
        return new ScanPage(cursor, keys);
    }

    /// <summary>The text of an error reply.</summary>
    public static string ErrorText(in ReadOnlySequence<byte> reply) => new RespReader(reply).ReadErrorText();
}
