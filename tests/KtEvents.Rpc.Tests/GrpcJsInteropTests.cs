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

    /// <summary>Long enough for a call to reach its handler (and a stream its first message) on a busy machine, so the deadline passes while the handler runs.</summary>
    private static readonly TimeSpan HandlerDeadline = TimeSpan.FromSeconds(3);

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
                await client.SlowAsync(new EchoRequest(), new CallOptions(deadline: DateTime.UtcNow.Add(HandlerDeadline))));
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

    [Fact]
    public async Task Grpc_js_client_reads_our_server_streams()
    {
        await NodeInterop.EnsureInstalledAsync();
        await using var server = await RpcTestServer.StartAsync();

        var output = await NodeInterop.RunScriptAsync("client.js", server.Address.Authority, NodeInterop.ProtoPath, "stream");

        using var result = JsonDocument.Parse(output);
        var watch = result.RootElement.GetProperty("watch");
        Assert.Equal(0, watch.GetProperty("code").GetInt32());
        Assert.Equal(["소식 1", "소식 2", "소식 3"], Texts(watch));
        Assert.Equal("end", watch.GetProperty("trailers").GetProperty("watch-trailer").GetString());

        var empty = result.RootElement.GetProperty("empty");
        Assert.Equal(0, empty.GetProperty("code").GetInt32());
        Assert.Empty(Texts(empty));

        var failAfter = result.RootElement.GetProperty("failAfter");
        Assert.Equal(5, failAfter.GetProperty("code").GetInt32());
        Assert.Equal(NotFoundMessage, failAfter.GetProperty("details").GetString());
        Assert.Equal(["m 1", "m 2"], Texts(failAfter));
        Assert.Equal("kept", failAfter.GetProperty("trailers").GetProperty("failure-trailer").GetString());

        var failBefore = result.RootElement.GetProperty("failBefore");
        Assert.Equal(7, failBefore.GetProperty("code").GetInt32());
        Assert.Equal("권한 없음", failBefore.GetProperty("details").GetString());
        Assert.Empty(Texts(failBefore));

        var deadline = result.RootElement.GetProperty("deadline");
        Assert.Equal(4, deadline.GetProperty("code").GetInt32());
        Assert.Equal(["d 1"], Texts(deadline));
        Assert.NotEqual(DateTime.MaxValue, await server.Probe.Cancelled.Task.WaitAsync(TimeSpan.FromSeconds(30)));
    }

    [Fact]
    public async Task Our_client_reads_a_grpc_js_server_stream()
    {
        await NodeInterop.EnsureInstalledAsync();
        using var node = NodeInterop.StartScript("server.js", NodeInterop.ProtoPath);
        try
        {
            var port = await ReadPortAsync(node);
            var services = new ServiceCollection();
            services.AddGrpcClient<FeedClient>(o => o.Address = new Uri($"http://127.0.0.1:{port}"));
            await using var provider = services.BuildServiceProvider();
            var client = provider.GetRequiredService<FeedClient>();

            using var watch = client.Watch(new WatchRequest { Text = "node", Count = 3 });
            var texts = await ReadTextsAsync(watch);
            using var empty = client.Watch(new WatchRequest { Count = 0 });
            var emptyTexts = await ReadTextsAsync(empty);
            using var failing = client.Watch(new WatchRequest
            {
                Text = "m", Count = 2, FailCode = (int)StatusCode.NotFound, FailMessage = NotFoundMessage,
            });
            var received = new List<string>();
            var fail = await Assert.ThrowsAsync<RpcException>(async () =>
            {
                await foreach (var reply in failing.ResponseStream.ReadAllAsync())
                {
                    received.Add(reply.Text);
                }
            });
            using var hanging = client.Watch(new WatchRequest { Text = "d", Count = 1, Hang = true },
                new CallOptions(deadline: DateTime.UtcNow.Add(HandlerDeadline)));
            Assert.True(await hanging.ResponseStream.MoveNext(CancellationToken.None));
            var deadline = await Assert.ThrowsAsync<RpcException>(() => hanging.ResponseStream.MoveNext(CancellationToken.None));

            Assert.Equal(["node 1", "node 2", "node 3"], texts);
            Assert.Equal(StatusCode.OK, watch.GetStatus().StatusCode);
            Assert.Equal("grpc-js", watch.GetTrailers().GetValue("watch-trailer"));
            Assert.Empty(emptyTexts);
            Assert.Equal(StatusCode.OK, empty.GetStatus().StatusCode);
            Assert.Equal(["m 1", "m 2"], received);
            Assert.Equal(StatusCode.NotFound, fail.StatusCode);
            Assert.Equal(NotFoundMessage, fail.Status.Detail);
            Assert.Equal("grpc-js", fail.Trailers.GetValue("failure-trailer"));
            Assert.Equal(StatusCode.DeadlineExceeded, deadline.StatusCode);
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

    private static List<string?> Texts(JsonElement outcome) =>
        outcome.GetProperty("texts").EnumerateArray().Select(t => t.GetString()).ToList();

    private static async Task<List<string>> ReadTextsAsync(AsyncServerStreamingCall<EchoReply> call)
    {
        var texts = new List<string>();
        await foreach (var reply in call.ResponseStream.ReadAllAsync())
        {
            texts.Add(reply.Text);
        }

        return texts;
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
