using System.Net;

using KtEvents.Rpc.Tests.Clients;
using KtEvents.Rpc.Tests.Infrastructure;
using KtEvents.Rpc.Tests.Protos;
using KtEvents.Rpc.Tests.Services;

using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace KtEvents.Rpc.Tests;

/// <summary>
/// The evidence behind AddGrpc() making Kestrel endpoints HTTP/2-only: over cleartext, Kestrel cannot
/// tell HTTP/1.1 from HTTP/2 on one port, so gRPC (HTTP/2 prior knowledge) needs an Http2 endpoint.
/// </summary>
public sealed class Http2CleartextTests
{
    [Fact]
    public async Task Http1AndHttp2_over_cleartext_serves_http1_only_and_refuses_http2_prior_knowledge()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0, l => l.Protocols = HttpProtocols.Http1AndHttp2));
        await using var app = builder.Build();
        app.MapGet("/health", (Microsoft.AspNetCore.Http.HttpContext c) => c.Request.Protocol);
        await app.StartAsync();
        var address = new Uri(app.Urls.Single());
        using var http = new HttpClient(new SocketsHttpHandler()) { BaseAddress = address };

        var http1 = await http.SendAsync(Get(HttpVersion.Version11));
        var http2 = await Assert.ThrowsAsync<HttpRequestException>(() => http.SendAsync(Get(HttpVersion.Version20)));

        Assert.Equal("HTTP/1.1", await http1.Content.ReadAsStringAsync());
        var refusal = Assert.IsType<HttpProtocolException>(http2.InnerException ?? http2);
        Assert.Equal(0xD, refusal.ErrorCode); // HTTP_1_1_REQUIRED
    }

    [Fact]
    public async Task After_AddGrpc_one_port_serves_grpc_and_health_over_h2c()
    {
        // RpcTestServer listens with Kestrel's defaults, as a service does; AddGrpc sets them.
        await using var server = await RpcTestServer.StartAsync();
        using var http = new HttpClient(new SocketsHttpHandler()) { BaseAddress = server.Address };
        var client = server.CreateClient<EchoClient>();

        var health = await http.SendAsync(Get(HttpVersion.Version20));
        var reply = await client.EchoAsync(new EchoRequest { Text = "h2c" });
        var http1 = await http.SendAsync(Get(HttpVersion.Version11));

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal(HttpVersion.Version20, health.Version);
        Assert.Equal("h2c", reply.Text);
        Assert.Equal(HttpStatusCode.BadRequest, http1.StatusCode);
    }

    [Fact]
    public async Task Grpc_request_over_http1_gets_a_status_saying_http2_is_needed()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddGrpc();
        builder.Services.AddSingleton<CallProbe>();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0, l => l.Protocols = HttpProtocols.Http1));
        await using var app = builder.Build();
        app.MapGrpcService<EchoGrpcService>();
        await app.StartAsync();
        using var http = new HttpClient(new SocketsHttpHandler()) { BaseAddress = new Uri(app.Urls.Single()) };
        var request = RawGrpc.Request("/kt.testing.v1.EchoService/Echo", RawGrpc.Frame(new EchoRequest()));
        request.Version = HttpVersion.Version11;

        var response = await RawGrpc.SendAsync(http, request);

        Assert.Equal("13", response.Header("grpc-status"));
        Assert.Contains("gRPC needs HTTP/2", response.Header("grpc-message"));
    }

    private static HttpRequestMessage Get(Version version) => new(HttpMethod.Get, "/health")
    {
        Version = version,
        VersionPolicy = HttpVersionPolicy.RequestVersionExact,
    };
}
