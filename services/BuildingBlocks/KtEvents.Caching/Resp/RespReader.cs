using System.Buffers;
using System.Buffers.Text;
using System.Text;

namespace KtEvents.Caching.Resp;

/// <summary>
/// Reads the parts of one complete reply (cut out by <see cref="RespScanner"/>). Only the values a
/// caller asks for are materialised: an integer reply allocates nothing, a bulk string one array.
/// A reply of an unexpected kind throws <see cref="RedisException"/> for that command alone.
/// </summary>
internal ref struct RespReader(ReadOnlySequence<byte> reply)
{
    private SequenceReader<byte> reader = new(reply);

    public readonly byte PeekPrefix() => reader.TryPeek(out var prefix) ? prefix : throw RespProtocol.Malformed("empty reply");

    /// <summary>A bulk string, simple string or integer as a value; a null bulk string or null array as null.</summary>
    public RedisValue ReadValue()
    {
        var prefix = ReadPrefix();
        switch (prefix)
        {
            case RespProtocol.BulkString:
                var length = ReadLength();
                return length < 0 ? RedisValue.Null : ReadPayload(length);
            case RespProtocol.SimpleString:
                return ReadLineText();
            case RespProtocol.Integer:
                return ReadLineInteger();
            case RespProtocol.Array:
                return ReadLength() < 0 ? RedisValue.Null : throw Unexpected(prefix, "a value");
            default:
                throw Unexpected(prefix, "a value");
        }
    }

    public long ReadInteger()
    {
        var prefix = ReadPrefix();
        return prefix switch
        {
            RespProtocol.Integer => ReadLineInteger(),
            RespProtocol.BulkString => (long)ReadBulkAfterPrefix(),
            _ => throw Unexpected(prefix, "an integer"),
        };
    }

    public double? ReadNullableDouble()
    {
        var value = ReadValue();
        return value.IsNull ? null : (double)value;
    }

    /// <summary>The element count of an array reply; -1 for a null array.</summary>
    public long ReadArrayLength()
    {
        var prefix = ReadPrefix();
        return prefix == RespProtocol.Array ? ReadLength() : throw Unexpected(prefix, "an array");
    }

    /// <summary>A simple string, e.g. <c>OK</c>; null for a null bulk string (SET … NX that did not set).</summary>
    public string? ReadStatus()
    {
        var prefix = ReadPrefix();
        switch (prefix)
        {
            case RespProtocol.SimpleString:
                return ReadLineText();
            case RespProtocol.BulkString:
                var length = ReadLength();
                return length < 0 ? null : (string?)(RedisValue)ReadPayload(length);
            default:
                throw Unexpected(prefix, "a status");
        }
    }

    /// <summary>Any reply as a tree; error replies inside arrays become error results.</summary>
    public RedisResult ReadResult()
    {
        var prefix = ReadPrefix();
        switch (prefix)
        {
            case RespProtocol.SimpleString:
                return RedisResult.Create(ReadLineText(), ResultType.SimpleString);
            case RespProtocol.Error:
                return RedisResult.CreateError(ReadLineText());
            case RespProtocol.Integer:
                return RedisResult.Create(ReadLineInteger(), ResultType.Integer);
            case RespProtocol.BulkString:
                return RedisResult.Create(ReadBulkAfterPrefix());
            default:
                var count = ReadLength();
                if (count < 0)
                {
                    return RedisResult.Create((RedisResult[]?)null);
                }
                var items = new RedisResult[count];
                for (var i = 0; i < items.Length; i++)
                {
                    items[i] = ReadResult();
                }
                return RedisResult.Create(items);
        }
    }

    /// <summary>The text of an error reply (after the '-').</summary>
    public string ReadErrorText()
    {
        var prefix = ReadPrefix();
        return prefix == RespProtocol.Error ? ReadLineText() : throw Unexpected(prefix, "an error");
    }

    private RedisValue ReadBulkAfterPrefix()
    {
        var length = ReadLength();
        return length < 0 ? RedisValue.Null : ReadPayload(length);
    }

    private byte ReadPrefix() => reader.TryRead(out var prefix) ? prefix : throw RespProtocol.Malformed("truncated reply");

    private long ReadLength()
    {
        if (!RespScanner.TryReadLength(ref reader, out var length))
        {
            throw RespProtocol.Malformed("truncated reply");
        }
        return length;
    }

    private byte[] ReadPayload(long length)
    {
        var payload = new byte[length];
        if (!reader.TryCopyTo(payload))
        {
            throw RespProtocol.Malformed("truncated bulk string");
        }
        reader.Advance(length + 2); // the payload and its CRLF, which the scanner has checked
        return payload;
    }

    private ReadOnlySpan<byte> ReadLine() =>
        reader.TryReadTo(out ReadOnlySpan<byte> line, (byte)'\n') && line.Length > 0 && line[^1] == '\r'
            ? line[..^1]
            : throw RespProtocol.Malformed("line not ended by CRLF");

    private string ReadLineText() => Encoding.UTF8.GetString(ReadLine());

    private long ReadLineInteger() =>
        ReadLine() is var line && Utf8Parser.TryParse(line, out long value, out var used) && used == line.Length
            ? value
            : throw RespProtocol.Malformed("bad integer");

    private static RedisException Unexpected(byte prefix, string expected) =>
        new($"Unexpected reply: expected {expected}, got a reply starting with '{(char)prefix}'.");
}
