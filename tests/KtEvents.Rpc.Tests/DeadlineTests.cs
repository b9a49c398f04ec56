using KtEvents.Rpc.Tests.Clients;
using KtEvents.Rpc.Tests.Infrastructure;
using KtEvents.Rpc.Tests.Protos;

namespace KtEvents.Rpc.Tests;

public sealed class DeadlineTests
{
    // Waits for something that must happen; a hang guard, not a timing assertion.
    private static readonly TimeSpan Eventually = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Long enough for the call to reach its handler on a busy two-core machine, so the deadline passes
    /// while the handler runs: a deadline spent before the handler started would cancel no handler.
    /// </summary>
    private static readonly TimeSpan HandlerDeadline = TimeSpan.FromSeconds(3);

    [Fact]
    public async Task Exceeded_deadline_gives_DEADLINE_EXCEEDED_and_the_server_handler_sees_its_token_fire()
    {
        await using var server = await RpcTestServer.StartAsync();
        var client = server.CreateClient<EchoClient>();

        var error = await Assert.ThrowsAsync<RpcException>(async () =>
            await client.SlowAsync(new EchoRequest(), new CallOptions(deadline: DateTime.UtcNow.Add(HandlerDeadline))));

        Assert.Equal(StatusCode.DeadlineExceeded, error.StatusCode);
        var serverDeadline = await server.Probe.Cancelled.Task.WaitAsync(Eventually);
        Assert.NotEqual(DateTime.MaxValue, serverDeadline);
    }

    [Fact]
    public async Task Server_enforces_grpc_timeout_on_its_own_and_answers_DEADLINE_EXCEEDED()
    {
        await using var server = await RpcTestServer.StartAsync();
        using var http = server.CreateRawClient();
        var request = RawGrpc.Request("/kt.testing.v1.EchoService/Slow", RawGrpc.Frame(new EchoRequest()));
        request.Headers.TryAddWithoutValidation("grpc-timeout", $"{HandlerDeadline.TotalSeconds:0}S");

        // This caller never cancels: the status can only come from the server's own deadline timer.
        var response = await RawGrpc.SendAsync(http, request);

        Assert.Equal("4", response.Header("grpc-status"));
        Assert.True(response.IsTrailersOnly);
        await server.Probe.Cancelled.Task.WaitAsync(Eventually);
    }

    [Fact]
    public async Task Caller_cancellation_gives_CANCELLED_and_the_server_handler_sees_its_token_fire()
    {
        await using var server = await RpcTestServer.StartAsync();
        var client = server.CreateClient<EchoClient>();
        using var cancel = new CancellationTokenSource();

        var call = client.SlowAsync(new EchoRequest(), new CallOptions(cancellationToken: cancel.Token));
        await server.Probe.Started.Task.WaitAsync(Eventually);
        await cancel.CancelAsync();

        var error = await Assert.ThrowsAsync<RpcException>(async () => await call);
        Assert.Equal(StatusCode.Cancelled, error.StatusCode);
        var serverDeadline = await server.Probe.Cancelled.Task.WaitAsync(Eventually);
        Assert.Equal(DateTime.MaxValue, serverDeadline);
    }

    [Fact]
    public async Task Disposing_a_running_call_cancels_it()
    {
        await using var server = await RpcTestServer.StartAsync();
        var client = server.CreateClient<EchoClient>();

        var call = client.SlowAsync(new EchoRequest());
        await server.Probe.Started.Task.WaitAsync(Eventually);
        call.Dispose();

        var error = await Assert.ThrowsAsync<RpcException>(async () => await call);
        Assert.Equal(StatusCode.Cancelled, error.StatusCode);
        await server.Probe.Cancelled.Task.WaitAsync(Eventually);
    }

    [Fact]
    public async Task Deadline_already_past_fails_without_reaching_the_server()
    {
        await using var server = await RpcTestServer.StartAsync();
        var client = server.CreateClient<EchoClient>();

        var error = await Assert.ThrowsAsync<RpcException>(async () =>
            await client.SlowAsync(new EchoRequest(), new CallOptions(deadline: DateTime.UtcNow.AddSeconds(-1))));

        Assert.Equal(StatusCode.DeadlineExceeded, error.StatusCode);
        Assert.False(server.Probe.Started.Task.IsCompleted);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("123456789S")]
    [InlineData("10x")]
    public async Task Malformed_grpc_timeout_is_refused(string timeout)
    {
        await using var server = await RpcTestServer.StartAsync();
        using var http = server.CreateRawClient();
        var request = RawGrpc.Request("/kt.testing.v1.EchoService/Echo", RawGrpc.Frame(new EchoRequest()));
        request.Headers.TryAddWithoutValidation("grpc-timeout", timeout);

        var response = await RawGrpc.SendAsync(http, request);

        Assert.Equal("13", response.Header("grpc-status"));
        Assert.Contains("grpc-timeout", response.Header("grpc-message"));
    }
}
