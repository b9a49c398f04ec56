using System.Buffers;
using System.Buffers.Binary;
using System.IO.Compression;
using System.IO.Pipelines;

using Google.Protobuf;

namespace KtEvents.Rpc.Wire;

/// <summary>
/// Length-prefixed messages: a compressed flag byte, a 4-byte big-endian length, then the protobuf
/// bytes. A unary call carries exactly one in each direction, a server-streaming response any number;
/// both sides read through here.
/// </summary>
internal static class MessageFraming
{
    public const int HeaderSize = 5;

    /// <summary>The size of <paramref name="message"/> once framed, checked against the send limit.</summary>
    public static int FramedSize(IMessage message, int? maxSendMessageSize)
    {
        var size = message.CalculateSize();
        if (size > maxSendMessageSize)
        {
            throw new RpcException(new Status(StatusCode.ResourceExhausted,
                $"Sending message exceeds the maximum configured message size ({size} > {maxSendMessageSize} bytes)."));
        }

        return HeaderSize + size;
    }

    /// <summary>Writes an uncompressed frame into exactly <see cref="FramedSize"/> bytes.</summary>
    public static void Write(IMessage message, Span<byte> destination)
    {
        destination[0] = 0;
        BinaryPrimitives.WriteUInt32BigEndian(destination[1..], (uint)(destination.Length - HeaderSize));
        message.WriteTo(destination[HeaderSize..]);
    }

    /// <summary>
    /// Reads the whole stream and returns its single message, or null if it held none (an error
    /// response). A second message, a cut-off frame, a size over the limit or an unreadable encoding is
    /// an <see cref="RpcException"/> with the status the spec asks for.
    /// </summary>
    public static async ValueTask<T?> ReadSingleAsync<T>(
        PipeReader reader, string? encoding, int? maxReceiveMessageSize, MessageParser<T> parser, CancellationToken cancellationToken)
        where T : class, IMessage<T>
    {
        while (true)
        {
            var result = await reader.ReadAsync(cancellationToken);
            var buffer = result.Buffer;
            try
            {
                if (buffer.Length >= HeaderSize)
                {
                    var (compressed, length) = ReadHeader(buffer, maxReceiveMessageSize);
                    if (buffer.Length > HeaderSize + length)
                    {
                        throw Internal("A unary call carries one message, but more than one arrived.");
                    }

                    if (result.IsCompleted)
                    {
                        if (buffer.Length < HeaderSize + length)
                        {
                            throw Internal("The stream ended in the middle of a message.");
                        }

                        var payload = buffer.Slice(HeaderSize, length);
                        return compressed
                            ? Parse(parser, Decompress(payload, encoding, maxReceiveMessageSize))
                            : Parse(parser, payload);
                    }
                }
                else if (result.IsCompleted)
                {
                    return buffer.IsEmpty ? null : throw Internal("The stream ended in the middle of a message header.");
                }
            }
            finally
            {
                // Nothing is consumed until the stream ends: a unary message is parsed in one piece.
                reader.AdvanceTo(buffer.Start, buffer.End);
            }
        }
    }

    /// <summary>
    /// Reads the next message of a stream as soon as it is complete, or returns null when the stream
    /// ends cleanly between messages. A cut-off frame, a size over the limit or an unreadable encoding is
    /// an <see cref="RpcException"/>, as in <see cref="ReadSingleAsync{T}"/>.
    /// </summary>
    public static async ValueTask<T?> ReadNextAsync<T>(
        PipeReader reader, string? encoding, int? maxReceiveMessageSize, MessageParser<T> parser, CancellationToken cancellationToken)
        where T : class, IMessage<T>
    {
        while (true)
        {
            var result = await reader.ReadAsync(cancellationToken);
            var buffer = result.Buffer;
            if (buffer.Length >= HeaderSize)
            {
                var (compressed, length) = ReadHeader(buffer, maxReceiveMessageSize);
                if (buffer.Length >= HeaderSize + length)
                {
                    T message;
                    try
                    {
                        var payload = buffer.Slice(HeaderSize, length);
                        message = compressed
                            ? Parse(parser, Decompress(payload, encoding, maxReceiveMessageSize))
                            : Parse(parser, payload);
                    }
                    catch
                    {
                        reader.AdvanceTo(buffer.Start, buffer.End);
                        throw;
                    }

                    // Only this message is consumed and examined: the next may already be buffered
                    // whole, and the next read must return it without waiting for more bytes.
                    reader.AdvanceTo(buffer.GetPosition(HeaderSize + length));
                    return message;
                }
            }

            var buffered = buffer.Length;
            reader.AdvanceTo(buffer.Start, buffer.End);
            if (result.IsCompleted)
            {
                return buffered == 0
                    ? null
                    : throw Internal(buffered < HeaderSize
                        ? "The stream ended in the middle of a message header."
                        : "The stream ended in the middle of a message.");
            }
        }
    }

    private static (bool Compressed, int Length) ReadHeader(ReadOnlySequence<byte> buffer, int? maxReceiveMessageSize)
    {
        Span<byte> header = stackalloc byte[HeaderSize];
        buffer.Slice(0, HeaderSize).CopyTo(header);
        if (header[0] > 1)
        {
            throw Internal($"Invalid compressed flag {header[0]} in a message header.");
        }

        var length = BinaryPrimitives.ReadUInt32BigEndian(header[1..]);
        if (length > (uint)(maxReceiveMessageSize ?? int.MaxValue) || length > int.MaxValue - HeaderSize)
        {
            throw new RpcException(new Status(StatusCode.ResourceExhausted,
                $"Received message exceeds the maximum configured message size ({length} > {maxReceiveMessageSize} bytes)."));
        }

        return (header[0] == 1, (int)length);
    }

    private static T Parse<T>(MessageParser<T> parser, ReadOnlySequence<byte> payload)
        where T : IMessage<T>
    {
        try
        {
            return parser.ParseFrom(payload);
        }
        catch (InvalidProtocolBufferException e)
        {
            throw new RpcException(new Status(StatusCode.Internal, "Failed to deserialize the message.", e));
        }
    }

    private static ReadOnlySequence<byte> Decompress(ReadOnlySequence<byte> payload, string? encoding, int? maxSize)
    {
        if (encoding is null or "identity")
        {
            // The spec: a set compressed flag without a grpc-encoding is a protocol error.
            throw Internal("A message is flagged compressed but the call has no grpc-encoding.");
        }

        if (encoding != "gzip")
        {
            // The spec: a message compressed with an encoding we lack is UNIMPLEMENTED; the response
            // carries grpc-accept-encoding so the peer can choose another.
            throw new RpcException(new Status(StatusCode.Unimplemented,
                $"Message compressed with '{encoding}', which is not supported (supported: {GrpcProtocol.AcceptedEncodings})."));
        }

        try
        {
            using var gzip = new GZipStream(new MemoryStream(payload.ToArray()), CompressionMode.Decompress);
            using var output = new MemoryStream();
            var chunk = new byte[16 * 1024];
            int read;
            while ((read = gzip.Read(chunk)) > 0)
            {
                // Checked while inflating, so a small compressed bomb cannot allocate past the limit.
                if (output.Length + read > maxSize)
                {
                    throw new RpcException(new Status(StatusCode.ResourceExhausted,
                        $"Decompressed message exceeds the maximum configured message size ({maxSize} bytes)."));
                }

                output.Write(chunk, 0, read);
            }

            return new ReadOnlySequence<byte>(output.GetBuffer(), 0, (int)output.Length);
        }
        catch (InvalidDataException e)
        {
            throw new RpcException(new Status(StatusCode.Internal, "Failed to decompress the message.", e));
        }
    }

    private static RpcException Internal(string detail) => new(new Status(StatusCode.Internal, detail));
}
