using System.Buffers;
using System.Buffers.Text;

namespace KtEvents.Caching.Resp;

/// <summary>
/// Encodes a command as RESP2 expects from clients: an array of bulk strings
/// (<c>*3\r\n$3\r\nSET\r\n$1\r\nk\r\n$1\r\nv\r\n</c>). The size is computed first so the whole command
/// is written into one span: a half-written command would corrupt the shared connection.
/// </summary>
internal static class RespWriter
{
    private const int MaxHeaderLength = 1 + 11 + 2; // '*' or '$', an int32, CRLF

    public static void Write(IBufferWriter<byte> output, RedisCommand command, ReadOnlySpan<RedisValue> args)
    {
        Span<int> lengths = args.Length <= 16 ? stackalloc int[args.Length] : new int[args.Length];
        var size = MaxHeaderLength + command.Encoded.Length;
        for (var i = 0; i < args.Length; i++)
        {
            lengths[i] = args[i].GetByteCount();
            size += MaxHeaderLength + lengths[i] + 2;
        }

        var span = output.GetSpan(size);
        var written = WriteHeader(span, (byte)'*', args.Length + 1);
        command.Encoded.CopyTo(span[written..]);
        written += command.Encoded.Length;
        for (var i = 0; i < args.Length; i++)
        {
            written += WriteHeader(span[written..], (byte)'$', lengths[i]);
            written += args[i].CopyTo(span[written..]);
            span[written++] = (byte)'\r';
            span[written++] = (byte)'\n';
        }
        output.Advance(written);
    }

    private static int WriteHeader(Span<byte> span, byte prefix, int length)
    {
        span[0] = prefix;
        Utf8Formatter.TryFormat(length, span[1..], out var digits);
        span[1 + digits] = (byte)'\r';
        span[2 + digits] = (byte)'\n';
        return digits + 3;
    }
}
