using System.Net;
using System.Net.Sockets;

using KtEvents.Rpc.Tests.Clients;
using KtEvents.Rpc.Tests.Infrastructure;
using KtEvents.Rpc.Tests.Protos;

using Microsoft.Extensions.DependencyInjection;

namespace KtEvents.Rpc.Tests;

public sealed class StatusTests
{
    private const string NotFoundMessage = "이벤트를 찾을 수 없습니다 (100%)";

    [Fact]
    public async Task RpcException_reaches_the_client_with_its_code_korean_message_and_trailers()
    {
        await using var server = await RpcTestServer.StartAsync();
        var client = server.CreateClient<EchoClient>();

        var error = await Assert.ThrowsAsync<RpcException>(async () =>
            await client.FailAsync(new FailRequest { Code = (int)StatusCode.NotFound, Message = NotFoundMessage }));

        Assert.Equal(StatusCode.NotFound, error.StatusCode);
        Assert.Equal(NotFoundMessage, error.Status.Detail);
        Assert.Equal("kept", error.Trailers.GetValue("failure-trailer"));
    }

    [Fact]
    public async Task Error_is_a_Trailers_Only_response_with_a_percent_encoded_grpc_message()
    {
        await using var server = await RpcTestServer.StartAsync();
        using var http = server.CreateRawClient();
        var request = RawGrpc.Request("/kt.testing.v1.EchoService/Fail",
            RawGrpc.Frame(new FailRequest { Code = (int)StatusCode.NotFound, Message = NotFoundMessage }));

        var response = await RawGrpc.SendAsync(http, request);

        Assert.Equal(200, (int)response.Message.StatusCode);
        Assert.Equal("application/grpc", response.Message.Content.Headers.ContentType?.MediaType);
        Assert.True(response.IsTrailersOnly);
        Assert.Equal("5", response.Header("grpc-status"));
        Assert.Equal(
            "%EC%9D%B4%EB%B2%A4%ED%8A%B8%EB%A5%BC %EC%B0%BE%EC%9D%84 %EC%88%98 %EC%97%86%EC%8A%B5%EB%8B%88%EB%8B%A4 (100%25)",
            response.Header("grpc-message"));
    }

    [Fact]
    public async Task Success_sends_the_message_then_grpc_status_0_in_trailers()
    {
        await using var server = await RpcTestServer.StartAsync();
        using var http = server.CreateRawClient();
        var request = RawGrpc.Request("/kt.testing.v1.EchoService/Echo", RawGrpc.Frame(new EchoRequest { Text = "hi" }));

        var response = await RawGrpc.SendAsync(http, request);

        Assert.Null(RawResponse.Value(response.Message.Headers, "grpc-status"));
        Assert.Equal("0", RawResponse.Value(response.Message.TrailingHeaders, "grpc-status"));
        Assert.Equal("done", RawResponse.Value(response.Message.TrailingHeaders, "echo-trailer"));
        Assert.Equal(0, response.Body[0]);
        Assert.Equal(response.Body.Length - 5, (response.Body[1] << 24) | (response.Body[2] << 16) | (response.Body[3] << 8) | response.Body[4]);
        Assert.Equal("hi", EchoReply.Parser.ParseFrom(response.Body.AsSpan(5)).Text);
    }

    [Theory]
    [MemberData(nameof(ErrorCodes))]
    public async Task Every_error_code_thrown_by_a_service_is_the_code_the_client_gets(StatusCode code)
    {
        await using var server = await RpcTestServer.StartAsync();
        var client = server.CreateClient<EchoClient>();

        var error = await Assert.ThrowsAsync<RpcException>(async () =>
            await client.FailAsync(new FailRequest { Code = (int)code, Message = $"{code} 발생" }));

        Assert.Equal(code, error.StatusCode);
        Assert.Equal($"{code} 발생", error.Status.Detail);
    }

    public static TheoryData<StatusCode> ErrorCodes() =>
        new(Enum.GetValues<StatusCode>().Where(c => c != StatusCode.OK));

    [Fact]
    public async Task Unhandled_exception_is_INTERNAL_and_its_text_stays_on_the_server()
    {
        await using var server = await RpcTestServer.StartAsync();
        var client = server.CreateClient<EchoClient>();

        var error = await Assert.ThrowsAsync<RpcException>(async () =>
            await client.FailAsync(new FailRequest { Unhandled = true }));

        Assert.Equal(StatusCode.Internal, error.StatusCode);
        Assert.DoesNotContain("secret", error.Status.Detail, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("hunter2", error.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Http_401_from_the_authorization_middleware_becomes_UNAUTHENTICATED()
    {
        await using var server = await RpcTestServer.StartAsync();
        var client = server.CreateClient<EchoClient>();

        var error = await Assert.ThrowsAsync<RpcException>(async () => await client.SecretAsync(new EchoRequest()));
        var reply = await client.SecretAsync(new EchoRequest { Text = "ok" },
            new CallOptions(headers: new Metadata { { "authorization", "Bearer owner-7" } }));

        Assert.Equal(StatusCode.Unauthenticated, error.StatusCode);
        Assert.Equal("owner-7", reply.User);
    }

    [Fact]
    public async Task Non_grpc_content_type_gets_415()
    {
        await using var server = await RpcTestServer.StartAsync();
        using var http = server.CreateRawClient();

        var response = await RawGrpc.SendAsync(http,
            RawGrpc.Request("/kt.testing.v1.EchoService/Echo", "{}"u8.ToArray(), "application/json"));

        Assert.Equal(415, (int)response.Message.StatusCode);
    }

    [Fact]
    public async Task Unreachable_server_is_UNAVAILABLE()
    {
        // A port that was free a moment ago: connecting to it is refused.
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var services = new ServiceCollection();
        services.AddGrpcClient<EchoClient>(o => o.Address = new Uri($"http://127.0.0.1:{port}"));
        await using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<EchoClient>();

        var call = client.EchoAsync(new EchoRequest());
        var error = await Assert.ThrowsAsync<RpcException>(async () => await call);

        Assert.Equal(StatusCode.Unavailable, error.StatusCode);
        Assert.NotNull(error.Status.DebugException);
        await Assert.ThrowsAsync<RpcException>(() => call.ResponseHeadersAsync);
    }
}
