using KtEvents.Rpc.Tests.Clients;
using KtEvents.Rpc.Tests.Infrastructure;
using KtEvents.Rpc.Tests.Protos;

namespace KtEvents.Rpc.Tests;

public sealed class UnimplementedTests
{
    [Fact]
    public async Task Unknown_method_of_a_mapped_service_is_UNIMPLEMENTED()
    {
        await using var server = await RpcTestServer.StartAsync();
        using var http = server.CreateRawClient();

        var response = await RawGrpc.SendAsync(http,
            RawGrpc.Request("/kt.testing.v1.EchoService/Bogus", RawGrpc.Frame(new EchoRequest())));

        Assert.Equal(200, (int)response.Message.StatusCode);
        Assert.True(response.IsTrailersOnly);
        Assert.Equal("12", response.Header("grpc-status"));
        Assert.Contains("Method 'Bogus'", response.Header("grpc-message"));
    }

    [Fact]
    public async Task Unknown_service_is_UNIMPLEMENTED()
    {
        await using var server = await RpcTestServer.StartAsync();
        using var http = server.CreateRawClient();

        var response = await RawGrpc.SendAsync(http,
            RawGrpc.Request("/kt.nowhere.v1.NoService/Call", RawGrpc.Frame(new EchoRequest())));

        Assert.Equal("12", response.Header("grpc-status"));
        Assert.Contains("Service 'kt.nowhere.v1.NoService'", response.Header("grpc-message"));
    }

    [Fact]
    public async Task Client_of_an_unmapped_service_gets_UNIMPLEMENTED()
    {
        await using var server = await RpcTestServer.StartAsync();
        var client = server.CreateClient<UnmappedClient>();

        var error = await Assert.ThrowsAsync<RpcException>(async () => await client.PingAsync(new EchoRequest()));

        Assert.Equal(StatusCode.Unimplemented, error.StatusCode);
        Assert.Contains("kt.testing.v1.UnmappedService", error.Status.Detail);
    }

    [Fact]
    public async Task Non_grpc_request_to_an_unknown_path_is_a_plain_404()
    {
        await using var server = await RpcTestServer.StartAsync();
        using var http = server.CreateRawClient();

        var response = await RawGrpc.SendAsync(http, RawGrpc.Request("/some/page", "{}"u8.ToArray(), "application/json"));

        Assert.Equal(404, (int)response.Message.StatusCode);
        Assert.Null(response.Header("grpc-status"));
    }
}
