using Google.Protobuf;

using KtEvents.Rpc.Tests.Clients;
using KtEvents.Rpc.Tests.Infrastructure;
using KtEvents.Rpc.Tests.Protos;

using Microsoft.Extensions.DependencyInjection;

namespace KtEvents.Rpc.Tests;

public sealed class MessageLimitTests
{
    private const int FiveMegabytes = 5 * 1024 * 1024;

    [Fact]
    public async Task Request_over_the_servers_4MB_limit_is_RESOURCE_EXHAUSTED()
    {
        await using var server = await RpcTestServer.StartAsync();
        var client = server.CreateClient<EchoClient>();

        var error = await Assert.ThrowsAsync<RpcException>(async () =>
            await client.EchoAsync(new EchoRequest { Padding = ByteString.CopyFrom(new byte[FiveMegabytes]) }));

        Assert.Equal(StatusCode.ResourceExhausted, error.StatusCode);
    }

    [Fact]
    public async Task Reply_over_the_clients_4MB_limit_is_RESOURCE_EXHAUSTED_unless_the_limit_is_lifted()
    {
        await using var server = await RpcTestServer.StartAsync();
        var limited = server.CreateClient<EchoClient>();
        var unlimited = server.CreateClient<EchoClient>(o => o.MaxReceiveMessageSize = null);

        var error = await Assert.ThrowsAsync<RpcException>(async () =>
            await limited.EchoAsync(new EchoRequest { ReplyPadding = FiveMegabytes }));
        var reply = await unlimited.EchoAsync(new EchoRequest { ReplyPadding = FiveMegabytes });

        Assert.Equal(StatusCode.ResourceExhausted, error.StatusCode);
        Assert.Equal(FiveMegabytes, reply.Padding.Length);
    }

    [Fact]
    public async Task Reply_over_the_servers_send_limit_is_RESOURCE_EXHAUSTED()
    {
        await using var server = await RpcTestServer.StartAsync(
            configure: builder => builder.Services.AddGrpc(o => o.MaxSendMessageSize = 1024));
        var client = server.CreateClient<EchoClient>();

        var error = await Assert.ThrowsAsync<RpcException>(async () =>
            await client.EchoAsync(new EchoRequest { ReplyPadding = 2048 }));

        Assert.Equal(StatusCode.ResourceExhausted, error.StatusCode);
    }

    [Fact]
    public async Task Request_over_the_clients_send_limit_fails_before_it_is_sent()
    {
        await using var server = await RpcTestServer.StartAsync();
        var client = server.CreateClient<EchoClient>(o => o.MaxSendMessageSize = 1024);

        var error = await Assert.ThrowsAsync<RpcException>(async () =>
            await client.SlowAsync(new EchoRequest { Padding = ByteString.CopyFrom(new byte[2048]) }));

        Assert.Equal(StatusCode.ResourceExhausted, error.StatusCode);
        Assert.False(server.Probe.Started.Task.IsCompleted);
    }

    [Fact]
    public async Task Gzip_compressed_request_is_read()
    {
        await using var server = await RpcTestServer.StartAsync();
        using var http = server.CreateRawClient();
        var request = RawGrpc.Request("/kt.testing.v1.EchoService/Echo", RawGrpc.GzipFrame(new EchoRequest { Text = "압축된 요청" }));
        request.Headers.TryAddWithoutValidation("grpc-encoding", "gzip");

        var response = await RawGrpc.SendAsync(http, request);

        Assert.Equal("0", response.Header("grpc-status"));
        Assert.Equal("압축된 요청", EchoReply.Parser.ParseFrom(response.Body.AsSpan(5)).Text);
    }

    [Fact]
    public async Task Request_compressed_with_an_unsupported_encoding_is_UNIMPLEMENTED_and_names_what_is_accepted()
    {
        await using var server = await RpcTestServer.StartAsync();
        using var http = server.CreateRawClient();
        var request = RawGrpc.Request("/kt.testing.v1.EchoService/Echo",
            RawGrpc.Frame(new EchoRequest { Text = "x" }.ToByteArray(), compressed: true));
        request.Headers.TryAddWithoutValidation("grpc-encoding", "snappy");

        var response = await RawGrpc.SendAsync(http, request);

        Assert.Equal("12", response.Header("grpc-status"));
        Assert.Equal("identity,gzip", response.Header("grpc-accept-encoding"));
    }

    [Fact]
    public async Task Compressed_flag_without_grpc_encoding_is_INTERNAL()
    {
        await using var server = await RpcTestServer.StartAsync();
        using var http = server.CreateRawClient();
        var request = RawGrpc.Request("/kt.testing.v1.EchoService/Echo", RawGrpc.GzipFrame(new EchoRequest()));

        var response = await RawGrpc.SendAsync(http, request);

        Assert.Equal("13", response.Header("grpc-status"));
    }

    [Theory]
    [InlineData(new byte[] { })]
    [InlineData(new byte[] { 0, 0, 0 })]
    [InlineData(new byte[] { 0, 0, 0, 0, 9, 1, 2 })]
    [InlineData(new byte[] { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0 })]
    [InlineData(new byte[] { 2, 0, 0, 0, 0 })]
    public async Task Missing_cut_off_extra_or_misflagged_messages_are_INTERNAL(byte[] body)
    {
        await using var server = await RpcTestServer.StartAsync();
        using var http = server.CreateRawClient();

        var response = await RawGrpc.SendAsync(http, RawGrpc.Request("/kt.testing.v1.EchoService/Echo", body));

        Assert.Equal("13", response.Header("grpc-status"));
    }
}
