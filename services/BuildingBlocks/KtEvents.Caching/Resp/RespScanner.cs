using System.Buffers;
using System.Buffers.Text;

namespace KtEvents.Caching.Resp;

/// <summary>
/// Finds where one complete reply ends in the bytes received so far, without materialising it. The
/// read loop uses it to cut the stream into replies; a reply is only parsed once all of it is there,
/// so parsers never see a partial reply.
/// </summary>
internal static class RespScanner
{
    /// <summary>
    /// Moves <paramref name="reader"/> past one reply and returns true, or returns false when more
    /// bytes are needed (the reader's position is then meaningless). Malformed input throws.
    /// </summary>
    public static bool TrySkip(ref SequenceReader<byte> reader, int depth = 0)
    {
        if (!reader.TryRead(out var prefix))
        {
            return false;
        }
        switch (prefix)
        {
            case RespProtocol.SimpleString:
            case RespProtocol.Error:
            case RespProtocol.Integer:
                return TrySkipLine(ref reader);
            case RespProtocol.BulkString:
                if (!TryReadLength(ref reader, out var length))
                {
                    return false;
                }
                if (length < 0)
                {
                    return true;
                }
                if (reader.Remaining < length + 2)
                {
                    return false;
                }
                reader.Advance(length);
                return ExpectCrlf(ref reader);
            case RespProtocol.Array:
                if (depth >= RespProtocol.MaxDepth)
                {
                    throw RespProtocol.Malformed("arrays nested too deeply");
                }
                if (!TryReadLength(ref reader, out var count))
                {
                    return false;
                }
                for (var i = 0L; i < count; i++)
                {
                    if (!TrySkip(ref reader, depth + 1))
                    {
                        return false;
                    }
                }
                return true;
            default:
                throw RespProtocol.Malformed($"unknown reply type 0x{prefix:x2}");
        }
    }

    /// <summary>Reads the decimal length line of a bulk string or array (-1 for null).</summary>
    public static bool TryReadLength(ref SequenceReader<byte> reader, out long length)
    {
        length = 0;
        if (!reader.TryReadTo(out ReadOnlySpan<byte> line, (byte)'\n'))
        {
            return false;
        }
        if (line.Length < 2 || line[^1] != '\r'
            || !Utf8Parser.TryParse(line[..^1], out length, out var used) || used != line.Length - 1
            || length < -1 || length > RespProtocol.MaxBulkLength)
        {
            throw RespProtocol.Malformed("bad length");
        }
        return true;
    }

    private static bool TrySkipLine(ref SequenceReader<byte> reader) => reader.TryAdvanceTo((byte)'\n');

    private static bool ExpectCrlf(ref SequenceReader<byte> reader)
    {
        if (!reader.TryRead(out var cr) || !reader.TryRead(out var lf) || cr != '\r' || lf != '\n')
        {
            throw RespProtocol.Malformed("bulk string not followed by CRLF");
        }
        return true;
    }
}
