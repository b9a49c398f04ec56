using KtEvents.Rpc.Tests.Clients;
using KtEvents.Rpc.Tests.Infrastructure;
using KtEvents.Rpc.Tests.Protos;
using KtEvents.Rpc.Tests.Services;

using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace KtEvents.Rpc.Tests;

public sealed class StartupTests
{
    [Fact]
    public async Task Startup_fails_naming_the_rpc_that_has_no_implementation()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            RpcTestServer.StartAsync(map: app => app.MapGrpcService<IncompleteEchoGrpcService>()));

        Assert.Contains("kt.testing.v1.EchoService/Slow", error.Message);
        Assert.Contains("public Task<EchoReply> Slow(EchoRequest request, ServerCallContext context)", error.Message);
    }

    [Fact]
    public async Task Startup_fails_when_an_rpc_method_has_the_wrong_message_type()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            RpcTestServer.StartAsync(map: app => app.MapGrpcService<MistypedEchoGrpcService>()));

        Assert.Contains("MistypedEchoGrpcService.Slow does not match rpc kt.testing.v1.EchoService/Slow", error.Message);
    }

    [Fact]
    public async Task Startup_fails_when_a_server_streaming_rpc_is_implemented_as_unary()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            RpcTestServer.StartAsync(map: app => app.MapGrpcService<UnaryShapedFeedGrpcService>()));

        Assert.Contains("UnaryShapedFeedGrpcService.Watch does not match server-streaming rpc kt.testing.v1.FeedService/Watch", error.Message);
        Assert.Contains(
            "public Task Watch(WatchRequest request, IServerStreamWriter<EchoReply> responseStream, ServerCallContext context)", error.Message);
    }

    [Fact]
    public async Task Startup_fails_when_a_unary_rpc_is_implemented_as_streaming()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            RpcTestServer.StartAsync(map: app => app.MapGrpcService<StreamingShapedEchoGrpcService>()));

        Assert.Contains("StreamingShapedEchoGrpcService.Echo does not match rpc kt.testing.v1.EchoService/Echo", error.Message);
        Assert.Contains("public Task<EchoReply> Echo(EchoRequest request, ServerCallContext context)", error.Message);
    }

    [Fact]
    public async Task Mapping_a_client_streaming_rpc_fails_at_startup()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            RpcTestServer.StartAsync(map: app => app.MapGrpcService<UploadGrpcService>()));

        Assert.Contains("rpc kt.testing.v1.UploadService/Upload is client streaming", error.Message);
        Assert.Contains("unary and server-streaming rpcs only", error.Message);
    }

    [Fact]
    public async Task Mapping_a_bidirectional_streaming_rpc_fails_at_startup()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            RpcTestServer.StartAsync(map: app => app.MapGrpcService<ChatGrpcService>()));

        Assert.Contains("rpc kt.testing.v1.ChatService/Chat is bidirectional streaming", error.Message);
    }

    [Fact]
    public void Client_cannot_resolve_a_client_or_bidirectional_streaming_rpc()
    {
        var upload = Assert.Throws<InvalidOperationException>(() =>
            Method<EchoRequest, EchoReply>.Resolve(TestingReflection.Descriptor.GetService("UploadService"), "Upload"));
        var chat = Assert.Throws<InvalidOperationException>(() =>
            Method<EchoRequest, EchoReply>.Resolve(TestingReflection.Descriptor.GetService("ChatService"), "Chat"));

        Assert.Contains("kt.testing.v1.UploadService/Upload is client streaming", upload.Message);
        Assert.Contains("kt.testing.v1.ChatService/Chat is bidirectional streaming", chat.Message);
    }

    [Fact]
    public void Client_registration_accepts_a_server_streaming_rpc()
    {
        var services = new ServiceCollection();
        services.AddGrpcClient<FeedClient>(o => o.Address = new Uri("http://feed"));
        using var provider = services.BuildServiceProvider();

        Assert.NotNull(provider.GetRequiredService<FeedClient>());
    }

    [Fact]
    public async Task Mapping_a_service_twice_fails()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            RpcTestServer.StartAsync(map: app =>
            {
                app.MapGrpcService<EchoGrpcService>();
                app.MapGrpcService<EchoGrpcService>();
            }));

        Assert.Contains("kt.testing.v1.EchoService is mapped twice", error.Message);
    }

    [Fact]
    public void Mapping_without_AddGrpc_fails_with_the_fix_in_the_message()
    {
        var builder = WebApplication.CreateSlimBuilder();
        var app = builder.Build();

        var error = Assert.Throws<InvalidOperationException>(() => app.MapGrpcService<EchoGrpcService>());

        Assert.Contains("services.AddGrpc()", error.Message);
    }

    [Fact]
    public void Client_registration_fails_when_the_client_names_an_rpc_the_service_lacks()
    {
        var services = new ServiceCollection();

        var error = Assert.Throws<InvalidOperationException>(() =>
            services.AddGrpcClient<MisspeltEchoClient>(o => o.Address = new Uri("http://event")));

        Assert.Contains("kt.testing.v1.EchoService has no rpc 'Ech0'", error.Message);
        Assert.Contains("Echo, Fail, Slow, Secret", error.Message);
    }

    [Fact]
    public void Client_without_an_address_fails_when_resolved()
    {
        var services = new ServiceCollection();
        services.AddGrpcClient<EchoClient>(_ => { });
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<InvalidOperationException>(() => provider.GetRequiredService<EchoClient>());

        Assert.Contains("Address", error.Message);
    }
}
