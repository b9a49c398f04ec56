using System.Buffers;
using System.Text;

using KtEvents.Caching.Resp;
using KtEvents.Caching.Tests.Support;

namespace KtEvents.Caching.Tests.Resp;

/// <summary>RESP2 framing and parsing on raw bytes, delivered whole, in pieces, and byte by byte.</summary>
public sealed class RespParsingTests
{
    public static TheoryData<string, string> WireReplies => new()
    {
        { "+OK\r\n", "simple:OK" },
        { "-ERR wrong\r\n", "error:ERR wrong" },
        { ":-42\r\n", "integer:-42" },
        { "$5\r\nhe\r\no\r\n", "bulk:he\r\no" },
        { "$0\r\n\r\n", "bulk:" },
        { "$-1\r\n", "null" },
        { "*-1\r\n", "null-array" },
        { "*0\r\n", "[]" },
        { "*3\r\n:1\r\n*2\r\n$1\r\na\r\n*-1\r\n$-1\r\n", "[integer:1,[bulk:a,null-array],null]" },
        { "*2\r\n-ERR inner\r\n+fine\r\n", "[error:ERR inner,simple:fine]" },
    };

    [Theory]
    [MemberData(nameof(WireReplies))]
    public void EveryReplyKindParses(string wire, string expected)
    {
        var bytes = Encoding.UTF8.GetBytes(wire);
        foreach (var segmentSize in new[] { bytes.Length, 3, 1 })
        {
            var sequence = Segments.Split(bytes, segmentSize);
            var reader = new SequenceReader<byte>(sequence);
            Assert.True(RespScanner.TrySkip(ref reader));
            Assert.Equal(bytes.Length, reader.Consumed);
            Assert.Equal(expected, Describe(new RespReader(sequence).ReadResult()));
        }
    }

    [Theory]
    [MemberData(nameof(WireReplies))]
    public void EveryProperPrefixIsIncomplete(string wire, string expected)
    {
        Assert.NotNull(expected);
        var bytes = Encoding.UTF8.GetBytes(wire);
        for (var length = 0; length < bytes.Length; length++)
        {
            var reader = new SequenceReader<byte>(Segments.Split(bytes[..length], 2));
            Assert.False(RespScanner.TrySkip(ref reader), $"{length} of {bytes.Length} bytes were taken for a whole reply");
        }
    }

    [Theory]
    [InlineData("?what\r\n")]
    [InlineData("$abc\r\n")]
    [InlineData("$3\r\nabcXY")]
    [InlineData("*-7\r\n")]
    [InlineData("$5\n")]
    public void MalformedInputIsAProtocolFailure(string wire)
    {
        var error = Assert.Throws<RedisConnectionException>(() =>
        {
            var reader = new SequenceReader<byte>(new ReadOnlySequence<byte>(Encoding.UTF8.GetBytes(wire)));
            RespScanner.TrySkip(ref reader);
        });
        Assert.Equal(ConnectionFailureType.ProtocolFailure, error.FailureType);
    }

    [Fact]
    public void TypedParsersReadTheirReplies()
    {
        Assert.True(Replies.Ok(Bytes("+OK\r\n")));
        Assert.False(Replies.Ok(Bytes("$-1\r\n")));
        Assert.Equal(7, Replies.Integer(Bytes(":7\r\n")));
        Assert.Equal(double.NegativeInfinity, Replies.NullableDouble(Bytes("$4\r\n-inf\r\n")));
        Assert.Null(Replies.NullableDouble(Bytes("$-1\r\n")));
        Assert.Equal(TimeSpan.FromMilliseconds(1500), Replies.TimeToLive(Bytes(":1500\r\n")));
        Assert.Null(Replies.TimeToLive(Bytes(":-2\r\n")));
        var page = Replies.ScanPage(Bytes("*2\r\n$2\r\n17\r\n*2\r\n$1\r\na\r\n$1\r\nb\r\n"));
        Assert.Equal(17UL, page.Cursor);
        Assert.Equal(["a", "b"], page.Keys.Select(key => key.ToString()));
        Assert.Throws<RedisException>(() => Replies.Integer(Bytes("+OK\r\n")));
    }

    [Fact]
    public void CommandsAreWrittenAsArraysOfBulkStrings()
    {
        var output = new ArrayBufferWriter<byte>();
        RespWriter.Write(output, RedisCommand.Set, ["키", new byte[] { 0, 13 }, 12L, 1.5, RedisValue.Null]);
        Assert.Equal("*6\r\n$3\r\nSET\r\n$3\r\n키\r\n$2\r\n\0\r\r\n$2\r\n12\r\n$3\r\n1.5\r\n$0\r\n\r\n", Encoding.UTF8.GetString(output.WrittenSpan));
    }

    private static ReadOnlySequence<byte> Bytes(string wire) => new(Encoding.UTF8.GetBytes(wire));

    private static string Describe(RedisResult result) => result.Type switch
    {
        ResultType.Array when result.IsNull => "null-array",
        ResultType.Array => $"[{string.Join(',', Enumerable.Range(0, result.Length).Select(i => Describe(result[i])))}]",
        ResultType.BulkString when result.IsNull => "null",
        ResultType.BulkString => $"bulk:{(string?)result}",
        ResultType.SimpleString => $"simple:{(string?)result}",
        ResultType.Integer => $"integer:{(long)result}",
        ResultType.Error => $"error:{(string?)result}",
        _ => "?",
    };
}
