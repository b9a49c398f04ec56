using KtEvents.Rpc.Tests.Clients;
using KtEvents.Rpc.Tests.Infrastructure;
using KtEvents.Rpc.Tests.Protos;

namespace KtEvents.Rpc.Tests;

public sealed class UnaryCallTests
{
    [Fact]
    public async Task Echo_round_trips_the_message_with_status_and_trailers()
    {
        await using var server = await RpcTestServer.StartAsync();
        var client = server.CreateClient<EchoClient>();

        using var call = client.EchoAsync(new EchoRequest { Text = "봄맞이 할인 이벤트" });
        var reply = await call;

        Assert.Equal("봄맞이 할인 이벤트", reply.Text);
        Assert.Equal(StatusCode.OK, call.GetStatus().StatusCode);
        Assert.Equal("done", call.GetTrailers().GetValue("echo-trailer"));
        // Protocol headers are not metadata.
        Assert.Null((await call.ResponseHeadersAsync).Get("content-type"));
        Assert.Null(call.GetTrailers().Get("grpc-status"));
    }

    [Fact]
    public async Task Deadline_travels_as_grpc_timeout_and_is_absent_without_one_or_at_MaxValue()
    {
        await using var server = await RpcTestServer.StartAsync();
        var client = server.CreateClient<EchoClient>();

        var withDeadline = await client.EchoAsync(new EchoRequest(), new CallOptions(deadline: DateTime.UtcNow.AddMinutes(1)));
        var without = await client.EchoAsync(new EchoRequest());
        var infinite = await client.EchoAsync(new EchoRequest(), new CallOptions(deadline: DateTime.MaxValue));

        Assert.True(withDeadline.HasDeadline);
        Assert.False(without.HasDeadline);
        Assert.False(infinite.HasDeadline);
    }

    [Fact]
    public async Task Many_concurrent_calls_share_the_connection_and_each_gets_its_own_reply()
    {
        await using var server = await RpcTestServer.StartAsync();
        var client = server.CreateClient<EchoClient>();

        var replies = await Task.WhenAll(Enumerable.Range(0, 300)
            .Select(async i => (i, (await client.EchoAsync(new EchoRequest { Text = $"call {i}" })).Text)));

        Assert.All(replies, r => Assert.Equal($"call {r.i}", r.Text));
    }

    [Fact]
    public async Task Status_and_trailers_are_unavailable_until_the_call_ends()
    {
        await using var server = await RpcTestServer.StartAsync();
        var client = server.CreateClient<EchoClient>();
        using var cancel = new CancellationTokenSource();

        using var call = client.SlowAsync(new EchoRequest(), new CallOptions(cancellationToken: cancel.Token));
        await server.Probe.Started.Task.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Throws<InvalidOperationException>(() => call.GetStatus());
        Assert.Throws<InvalidOperationException>(() => call.GetTrailers());
        await cancel.CancelAsync();
        await Assert.ThrowsAsync<RpcException>(() => call.ResponseAsync);
        Assert.Equal(StatusCode.Cancelled, call.GetStatus().StatusCode);
    }
}
