using System.IO.Pipelines;

using Google.Protobuf;

using KtEvents.Rpc.Tests.Infrastructure;
using KtEvents.Rpc.Tests.Protos;
using KtEvents.Rpc.Wire;

namespace KtEvents.Rpc.Tests;

public sealed class WireFormatTests
{
    [Theory]
    [InlineData("1H", 36_000_000_000L)]
    [InlineData("2M", 1_200_000_000L)]
    [InlineData("3S", 30_000_000L)]
    [InlineData("4m", 40_000L)]
    [InlineData("5u", 50L)]
    [InlineData("100n", 1L)]
    [InlineData("99999999S", 999_999_990_000_000L)]
    public void Grpc_timeout_parses_every_unit(string header, long ticks)
    {
        Assert.True(GrpcTimeout.TryParse(header, out var timeout));
        Assert.Equal(ticks, timeout.Ticks);
    }

    [Theory]
    [InlineData("")]
    [InlineData("S")]
    [InlineData("123456789S")]
    [InlineData("10x")]
    [InlineData("-1S")]
    [InlineData("1.5S")]
    public void Grpc_timeout_rejects_malformed_values(string header) =>
        Assert.False(GrpcTimeout.TryParse(header, out _));

    [Theory]
    [InlineData(10_000_000L, "1000000u")]
    [InlineData(2_000_000_000L, "200000m")]
    [InlineData(1L, "1u")]
    [InlineData(15_000L, "1500u")]
    public void Grpc_timeout_uses_the_finest_unit_that_fits_in_eight_digits_rounding_up(long ticks, string header) =>
        Assert.Equal(header, GrpcTimeout.Format(TimeSpan.FromTicks(ticks)));

    [Fact]
    public void Grpc_timeout_for_a_huge_deadline_stays_within_eight_digits()
    {
        var header = GrpcTimeout.Format(TimeSpan.FromDays(365 * 20));

        Assert.True(header.Length <= 9);
        Assert.True(GrpcTimeout.TryParse(header, out var parsed));
        Assert.True(parsed >= TimeSpan.FromDays(365 * 20));
    }

    [Theory]
    [InlineData("plain ascii", "plain ascii")]
    [InlineData("100%", "100%25")]
    [InlineData("줄\n바꿈", "%EC%A4%84%0A%EB%B0%94%EA%BF%88")]
    public void Grpc_message_percent_encodes_utf8_outside_printable_ascii(string message, string wire)
    {
        Assert.Equal(wire, PercentEncoding.Encode(message));
        Assert.Equal(message, PercentEncoding.Decode(wire));
    }

    [Theory]
    [InlineData("%ec%a4%84", "줄")]
    [InlineData("50%", "50%")]
    [InlineData("%zz and %4", "%zz and %4")]
    public void Grpc_message_decoding_accepts_lower_case_and_keeps_broken_sequences(string wire, string message) =>
        Assert.Equal(message, PercentEncoding.Decode(wire));

    [Fact]
    public async Task A_message_split_across_any_data_boundaries_is_read_whole()
    {
        var expected = new EchoRequest { Text = "조각난 프레임", Padding = ByteString.CopyFrom(new byte[300]) };
        var frame = RawGrpc.Frame(expected);
        var pipe = new Pipe();

        var reading = MessageFraming.ReadSingleAsync(pipe.Reader, null, 4096, EchoRequest.Parser, CancellationToken.None).AsTask();
        foreach (var b in frame)
        {
            await pipe.Writer.WriteAsync(new[] { b });
        }

        await pipe.Writer.CompleteAsync();
        Assert.Equal(expected, await reading);
    }

    [Fact]
    public async Task Oversized_length_prefix_is_refused_before_the_body_arrives()
    {
        var pipe = new Pipe();
        await pipe.Writer.WriteAsync(new byte[] { 0, 0, 0x10, 0, 0 }); // announces 1 MiB, limit 1 KiB

        var error = await Assert.ThrowsAsync<RpcException>(async () =>
            await MessageFraming.ReadSingleAsync(pipe.Reader, null, 1024, EchoRequest.Parser, CancellationToken.None));

        Assert.Equal(StatusCode.ResourceExhausted, error.StatusCode);
    }

    [Fact]
    public void Binary_metadata_is_sent_as_unpadded_base64_and_read_padded_or_not()
    {
        var entry = new MetadataEntry("blob-bin", [1, 2, 3, 4]);
        var received = new Metadata();
        received.AddFromWire("blob-bin", "AQIDBA");
        received.AddFromWire("blob-bin", "AQIDBA==");
        received.AddFromWire("blob-bin", "AQ,Ag");

        Assert.Equal("AQIDBA", entry.ToWireValue());
        Assert.Equal(
            [[1, 2, 3, 4], [1, 2, 3, 4], [1], [2]],
            received.GetAll("blob-bin").Select(e => e.ValueBytes).ToArray());
    }
}
