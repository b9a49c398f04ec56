using System.Diagnostics;

using KtEvents.Rpc.Tests.Clients;
using KtEvents.Rpc.Tests.Infrastructure;
using KtEvents.Rpc.Tests.Protos;

namespace KtEvents.Rpc.Tests;

public sealed class TracingTests
{
    public TracingTests() => ActivityCapture.Start();

    [Fact]
    public async Task Callers_trace_id_is_the_servers_trace_id()
    {
        await using var server = await RpcTestServer.StartAsync();
        var client = server.CreateClient<EchoClient>();
        using var caller = new Activity("test-caller").Start();

        var reply = await client.EchoAsync(new EchoRequest());

        Assert.Equal(caller.TraceId.ToHexString(), reply.TraceId);
    }

    [Fact]
    public async Task Trace_id_flows_on_through_a_service_to_service_call()
    {
        await using var server = await RpcTestServer.StartAsync();
        var relay = server.CreateClient<RelayClient>();
        using var caller = new Activity("test-caller").Start();

        var reply = await relay.RelayAsync(new EchoRequest());

        Assert.Equal(caller.TraceId.ToHexString(), reply.TraceId);
    }

    [Fact]
    public async Task Client_and_server_spans_are_named_after_the_rpc_and_carry_rpc_tags()
    {
        await using var server = await RpcTestServer.StartAsync();
        var client = server.CreateClient<EchoClient>();
        using var caller = new Activity("test-caller").Start();

        await Assert.ThrowsAsync<RpcException>(async () =>
            await client.FailAsync(new FailRequest { Code = (int)StatusCode.NotFound, Message = "없음" }));
        caller.Stop();

        var spans = await ActivityCapture.InTraceAsync(caller.TraceId, a => a.Kind == ActivityKind.Server);
        var clientSpan = Assert.Single(spans, a => a.Source.Name == GrpcDiagnostics.ActivitySourceName);
        var serverSpan = Assert.Single(spans, a => a.Kind == ActivityKind.Server);
        Assert.Equal("kt.testing.v1.EchoService/Fail", clientSpan.DisplayName);
        Assert.Equal(ActivityKind.Client, clientSpan.Kind);
        Assert.Equal("grpc", clientSpan.GetTagItem("rpc.system"));
        Assert.Equal("kt.testing.v1.EchoService", clientSpan.GetTagItem("rpc.service"));
        Assert.Equal("Fail", clientSpan.GetTagItem("rpc.method"));
        Assert.Equal(5, clientSpan.GetTagItem("rpc.grpc.status_code"));
        Assert.Equal(ActivityStatusCode.Error, clientSpan.Status);
        Assert.Equal("kt.testing.v1.EchoService/Fail", serverSpan.DisplayName);
        Assert.Equal(5, serverSpan.GetTagItem("rpc.grpc.status_code"));
        // NOT_FOUND is the caller's problem, not a server fault.
        Assert.NotEqual(ActivityStatusCode.Error, serverSpan.Status);
    }

    [Fact]
    public async Task Client_span_of_a_stream_lasts_until_the_stream_ends()
    {
        await using var server = await RpcTestServer.StartAsync();
        var client = server.CreateClient<FeedClient>();
        using var caller = new Activity("test-caller").Start();

        using (var call = client.Watch(new WatchRequest { Count = 2, PauseAfterFirst = true }))
        {
            Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None));
            // The call's span is not the caller's current activity, and it is still open mid-stream.
            Assert.Same(caller, Activity.Current);
            Assert.Equal(caller.TraceId.ToHexString(), call.ResponseStream.Current.TraceId);
            Assert.DoesNotContain(ActivityCapture.InTrace(caller.TraceId), a => a.Source.Name == GrpcDiagnostics.ActivitySourceName);

            server.Probe.Release.SetResult();
            Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None));
            Assert.False(await call.ResponseStream.MoveNext(CancellationToken.None));
        }

        caller.Stop();
        var spans = await ActivityCapture.InTraceAsync(caller.TraceId, a => a.Kind == ActivityKind.Server);
        var clientSpan = Assert.Single(spans, a => a.Source.Name == GrpcDiagnostics.ActivitySourceName);
        var serverSpan = Assert.Single(spans, a => a.Kind == ActivityKind.Server);
        Assert.Equal("kt.testing.v1.FeedService/Watch", clientSpan.DisplayName);
        Assert.Equal(caller.SpanId, clientSpan.ParentSpanId);
        Assert.Equal(0, clientSpan.GetTagItem("rpc.grpc.status_code"));
        Assert.Equal("kt.testing.v1.FeedService/Watch", serverSpan.DisplayName);
        Assert.Equal(0, serverSpan.GetTagItem("rpc.grpc.status_code"));
    }

    [Fact]
    public async Task Client_span_of_a_disposed_stream_ends_CANCELLED()
    {
        await using var server = await RpcTestServer.StartAsync();
        var client = server.CreateClient<FeedClient>();
        using var caller = new Activity("test-caller").Start();

        var call = client.Watch(new WatchRequest { Count = 1, Hang = true });
        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None));
        call.Dispose();
        Assert.Same(caller, Activity.Current);
        caller.Stop();

        var clientSpan = Assert.Single(ActivityCapture.InTrace(caller.TraceId), a => a.Source.Name == GrpcDiagnostics.ActivitySourceName);
        Assert.Equal((int)StatusCode.Cancelled, clientSpan.GetTagItem("rpc.grpc.status_code"));
        Assert.Equal(ActivityStatusCode.Error, clientSpan.Status);
    }
}
