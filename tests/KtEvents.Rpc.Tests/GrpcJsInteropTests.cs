using System.Diagnostics;
using System.Text.Json;

using KtEvents.Rpc.Tests.Clients;
using KtEvents.Rpc.Tests.Infrastructure;
using KtEvents.Rpc.Tests.Protos;

using Microsoft.Extensions.DependencyInjection;

namespace KtEvents.Rpc.Tests;

/// <summary>Our server and client against @grpc/grpc-js, the reference gRPC implementation for Node.</summary>
public sealed class GrpcJsInteropTests
{
    private const string NotFoundMessage = "이벤트를 찾을 수 없습니다 (100%)";

    [Fact]
    public async Task Grpc_js_client_calls_our_server()
    {
        await NodeInterop.EnsureInstalledAsync();
        await using var server = await RpcTestServer.StartAsync();

        var output = await NodeInterop.RunScriptAsync("client.js", server.Address.Authority, NodeInterop.ProtoPath);

        using var result = JsonDocument.Parse(output);
        var echo = result.RootElement.GetProperty("echo");
        Assert.Equal(0, echo.GetProperty("code").GetInt32());
        Assert.Equal("안녕하세요, grpc-js", echo.GetProperty("reply").GetProperty("text").GetString());
        Assert.Equal("Bearer node", echo.GetProperty("reply").GetProperty("authorization").GetString());
        Assert.True(echo.GetProperty("reply").GetProperty("hasDeadline").GetBoolean());
        Assert.Equal("done", echo.GetProperty("trailers").GetProperty("echo-trailer").GetString());

        var fail = result.RootElement.GetProperty("fail");
        Assert.Equal(5, fail.GetProperty("code").GetInt32());
        Assert.Equal(NotFoundMessage, fail.GetProperty("details").GetString());
        Assert.Equal("kept", fail.GetProperty("trailers").GetProperty("failure-trailer").GetString());

        Assert.Equal(4, result.RootElement.GetProperty("slow").GetProperty("code").GetInt32());
        await server.Probe.Cancelled.Task.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(12, result.RootElement.GetProperty("unmapped").GetProperty("code").GetInt32());
    }

    [Fact]
    public async Task Our_client_calls_a_grpc_js_server()
    {
        await NodeInterop.EnsureInstalledAsync();
        using var node = NodeInterop.StartScript("server.js", NodeInterop.ProtoPath);
        try
        {
            var port = await ReadPortAsync(node);
            var services = new ServiceCollection();
            services.AddGrpcClient<EchoClient>(o => o.Address = new Uri($"http://127.0.0.1:{port}"));
            await using var provider = services.BuildServiceProvider();
            var client = provider.GetRequiredService<EchoClient>();

            using var echo = client.EchoAsync(new EchoRequest { Text = "안녕, node" },
                new CallOptions(headers: new Metadata { { "authorization", "Bearer dotnet" } }, deadline: DateTime.UtcNow.AddSeconds(30)));
            var reply = await echo;
            var fail = await Assert.ThrowsAsync<RpcException>(async () =>
                await client.FailAsync(new FailRequest { Code = (int)StatusCode.NotFound, Message = NotFoundMessage }));
            var slow = await Assert.ThrowsAsync<RpcException>(async () =>
                await client.SlowAsync(new EchoRequest(), new CallOptions(deadline: DateTime.UtcNow.AddMilliseconds(300))));
            var secret = await Assert.ThrowsAsync<RpcException>(async () => await client.SecretAsync(new EchoRequest()));

            Assert.Equal("안녕, node", reply.Text);
            Assert.Equal("Bearer dotnet", reply.Authorization);
            Assert.True(reply.HasDeadline);
            Assert.Equal("grpc-js", echo.GetTrailers().GetValue("echo-trailer"));
            Assert.Equal(StatusCode.NotFound, fail.StatusCode);
            Assert.Equal(NotFoundMessage, fail.Status.Detail);
            Assert.Equal(StatusCode.DeadlineExceeded, slow.StatusCode);
            Assert.Equal(StatusCode.Unimplemented, secret.StatusCode);
        }
        finally
        {
            node.StandardInput.Close();
            if (!node.WaitForExit(TimeSpan.FromSeconds(10)))
            {
                node.Kill();
            }
        }
    }

    private static async Task<int> ReadPortAsync(Process node)
    {
        var line = await node.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(60));
        if (line is null)
        {
            // stdout closed, so node has exited: its stderr says why.
            Assert.Fail($"server.js printed no port:\n{await node.StandardError.ReadToEndAsync()}");
        }

        using var json = JsonDocument.Parse(line);
        return json.RootElement.GetProperty("port").GetInt32();
    }
}
