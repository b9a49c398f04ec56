using KtEvents.Rpc.Tests.Clients;
using KtEvents.Rpc.Tests.Infrastructure;
using KtEvents.Rpc.Tests.Protos;

using Microsoft.Extensions.DependencyInjection;

namespace KtEvents.Rpc.Tests;

/// <summary>Server-streaming rpcs, our client against our server over real HTTP/2 on loopback.</summary>
public sealed class ServerStreamingTests
{
    private const string NotFoundMessage = "이벤트를 찾을 수 없습니다 (100%)";

    // Waits for something that must happen; a hang guard, not a timing assertion.
    private static readonly TimeSpan Eventually = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Long enough for the first message to arrive on a busy two-core machine, so the deadline passes
    /// while the server hangs after it: mid-stream, not before the stream started.
    /// </summary>
    private static readonly TimeSpan MidStreamDeadline = TimeSpan.FromSeconds(3);

    [Fact]
    public async Task Each_message_reaches_the_client_as_soon_as_the_server_writes_it()
    {
        await using var server = await RpcTestServer.StartAsync();
        var client = server.CreateClient<FeedClient>();

        using var call = client.Watch(new WatchRequest { Text = "소식", Count = 3, PauseAfterFirst = true });

        // The server is now parked after its first write until the test releases it, so reading the
        // first message proves it was flushed on its own, not at the end of the call.
        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None).WaitAsync(Eventually));
        Assert.Equal("소식 1", call.ResponseStream.Current.Text);
        Assert.False(server.Probe.Release.Task.IsCompleted);
        Assert.True(call.ResponseHeadersAsync.IsCompletedSuccessfully);
        Assert.Throws<InvalidOperationException>(() => call.GetStatus());

        server.Probe.Release.SetResult();
        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None));
        Assert.Equal("소식 2", call.ResponseStream.Current.Text);
        Assert.True(await call.ResponseStream.MoveNext());
        Assert.Equal("소식 3", call.ResponseStream.Current.Text);
        Assert.False(await call.ResponseStream.MoveNext());

        Assert.Equal(StatusCode.OK, call.GetStatus().StatusCode);
        Assert.Equal("end", call.GetTrailers().GetValue("watch-trailer"));
        Assert.False(await call.ResponseStream.MoveNext());
    }

    [Fact]
    public async Task ReadAllAsync_yields_every_message_in_order()
    {
        await using var server = await RpcTestServer.StartAsync();
        var client = server.CreateClient<FeedClient>();

        using var call = client.Watch(new WatchRequest { Text = "n", Count = 5 });
        var texts = new List<string>();
        await foreach (var reply in call.ResponseStream.ReadAllAsync())
        {
            texts.Add(reply.Text);
        }

        Assert.Equal(["n 1", "n 2", "n 3", "n 4", "n 5"], texts);
        Assert.Equal(StatusCode.OK, call.GetStatus().StatusCode);
    }

    [Fact]
    public async Task Empty_stream_ends_with_OK_and_the_trailers()
    {
        await using var server = await RpcTestServer.StartAsync();
        var client = server.CreateClient<FeedClient>();

        using var call = client.Watch(new WatchRequest { Count = 0 });

        Assert.False(await call.ResponseStream.MoveNext(CancellationToken.None));
        Assert.Equal(StatusCode.OK, call.GetStatus().StatusCode);
        Assert.Equal("end", call.GetTrailers().GetValue("watch-trailer"));
    }

    [Fact]
    public async Task Error_after_messages_comes_after_them_from_MoveNext_with_its_code_message_and_trailers()
    {
        await using var server = await RpcTestServer.StartAsync();
        var client = server.CreateClient<FeedClient>();

        using var call = client.Watch(new WatchRequest
        {
            Text = "m", Count = 2, FailCode = (int)StatusCode.NotFound, FailMessage = NotFoundMessage,
        });
        var received = new List<string>();
        var error = await Assert.ThrowsAsync<RpcException>(async () =>
        {
            await foreach (var reply in call.ResponseStream.ReadAllAsync())
            {
                received.Add(reply.Text);
            }
        });

        Assert.Equal(["m 1", "m 2"], received);
        Assert.Equal(StatusCode.NotFound, error.StatusCode);
        Assert.Equal(NotFoundMessage, error.Status.Detail);
        Assert.Equal("kept", error.Trailers.GetValue("failure-trailer"));
        Assert.Equal(StatusCode.NotFound, call.GetStatus().StatusCode);
        Assert.Equal("end", call.GetTrailers().GetValue("watch-trailer"));
        // Reading on after the end repeats the outcome.
        Assert.Equal(StatusCode.NotFound, (await Assert.ThrowsAsync<RpcException>(() => call.ResponseStream.MoveNext(CancellationToken.None))).StatusCode);
    }

    [Fact]
    public async Task Unhandled_exception_after_messages_is_INTERNAL_without_its_text()
    {
        await using var server = await RpcTestServer.StartAsync();
        var client = server.CreateClient<FeedClient>();

        using var call = client.Watch(new WatchRequest { Count = 1, Unhandled = true });

        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None));
        var error = await Assert.ThrowsAsync<RpcException>(() => call.ResponseStream.MoveNext(CancellationToken.None));
        Assert.Equal(StatusCode.Internal, error.StatusCode);
        Assert.DoesNotContain("hunter2", error.Status.Detail);
    }

    [Fact]
    public async Task Error_before_any_message_reaches_the_client_from_the_first_MoveNext()
    {
        await using var server = await RpcTestServer.StartAsync();
        var client = server.CreateClient<FeedClient>();

        using var call = client.Watch(new WatchRequest { Count = 0, FailCode = (int)StatusCode.PermissionDenied, FailMessage = "권한 없음" });

        var error = await Assert.ThrowsAsync<RpcException>(() => call.ResponseStream.MoveNext(CancellationToken.None));
        Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);
        Assert.Equal("권한 없음", error.Status.Detail);
        Assert.Equal("kept", error.Trailers.GetValue("failure-trailer"));
        Assert.Equal(StatusCode.PermissionDenied, call.GetStatus().StatusCode);
    }

    [Fact]
    public async Task Deadline_passing_mid_stream_is_DEADLINE_EXCEEDED_and_the_server_can_no_longer_write()
    {
        await using var server = await RpcTestServer.StartAsync();
        var client = server.CreateClient<FeedClient>();

        using var call = client.Watch(new WatchRequest { Text = "d", Count = 1, Hang = true },
            new CallOptions(deadline: DateTime.UtcNow.Add(MidStreamDeadline)));

        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None));
        Assert.True(call.ResponseStream.Current.HasDeadline);
        var error = await Assert.ThrowsAsync<RpcException>(() => call.ResponseStream.MoveNext(CancellationToken.None));

        Assert.Equal(StatusCode.DeadlineExceeded, error.StatusCode);
        Assert.Equal(StatusCode.DeadlineExceeded, call.GetStatus().StatusCode);
        Assert.NotEqual(DateTime.MaxValue, await server.Probe.Cancelled.Task.WaitAsync(Eventually));
        Assert.IsAssignableFrom<OperationCanceledException>(await server.Probe.WriteAfterCancel.Task.WaitAsync(Eventually));
    }

    [Fact]
    public async Task Server_ends_a_stream_past_its_grpc_timeout_with_DEADLINE_EXCEEDED_in_trailers()
    {
        await using var server = await RpcTestServer.StartAsync();
        using var http = server.CreateRawClient();
        var request = RawGrpc.Request("/kt.testing.v1.FeedService/Watch", RawGrpc.Frame(new WatchRequest { Count = 1, Hang = true }));
        request.Headers.TryAddWithoutValidation("grpc-timeout", $"{MidStreamDeadline.TotalSeconds:0}S");

        // This caller never cancels: the status can only come from the server's own deadline timer.
        var response = await RawGrpc.SendAsync(http, request);

        Assert.Null(RawResponse.Value(response.Message.Headers, "grpc-status"));
        Assert.Equal("4", RawResponse.Value(response.Message.TrailingHeaders, "grpc-status"));
        Assert.Single(Frames(response.Body));
    }

    [Fact]
    public async Task Disposing_an_unfinished_call_cancels_the_servers_token()
    {
        await using var server = await RpcTestServer.StartAsync();
        var client = server.CreateClient<FeedClient>();

        var call = client.Watch(new WatchRequest { Count = 1, Hang = true });
        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None));
        call.Dispose();

        Assert.Equal(DateTime.MaxValue, await server.Probe.Cancelled.Task.WaitAsync(Eventually));
        Assert.Equal(StatusCode.Cancelled, call.GetStatus().StatusCode);
        var error = await Assert.ThrowsAsync<RpcException>(() => call.ResponseStream.MoveNext(CancellationToken.None));
        Assert.Equal(StatusCode.Cancelled, error.StatusCode);
        Assert.IsAssignableFrom<OperationCanceledException>(await server.Probe.WriteAfterCancel.Task.WaitAsync(Eventually));
    }

    [Fact]
    public async Task Cancelling_a_pending_read_cancels_the_call()
    {
        await using var server = await RpcTestServer.StartAsync();
        var client = server.CreateClient<FeedClient>();
        using var cancel = new CancellationTokenSource();

        using var call = client.Watch(new WatchRequest { Count = 1, Hang = true });
        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None));
        var read = call.ResponseStream.MoveNext(cancel.Token);
        await cancel.CancelAsync();

        var error = await Assert.ThrowsAsync<RpcException>(() => read);
        Assert.Equal(StatusCode.Cancelled, error.StatusCode);
        await server.Probe.Cancelled.Task.WaitAsync(Eventually);
    }

    [Fact]
    public async Task Server_send_limit_applies_to_each_message()
    {
        await using var server = await RpcTestServer.StartAsync(
            configure: builder => builder.Services.AddGrpc(o => o.MaxSendMessageSize = 1024));
        var client = server.CreateClient<FeedClient>();

        using var call = client.Watch(new WatchRequest { Text = "s", Count = 3, ReplyPadding = 2048 });

        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None));
        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None));
        var error = await Assert.ThrowsAsync<RpcException>(() => call.ResponseStream.MoveNext(CancellationToken.None));
        Assert.Equal(StatusCode.ResourceExhausted, error.StatusCode);
    }

    [Fact]
    public async Task Client_receive_limit_applies_to_each_message()
    {
        await using var server = await RpcTestServer.StartAsync();
        var client = server.CreateClient<FeedClient>(o => o.MaxReceiveMessageSize = 1024);

        using var call = client.Watch(new WatchRequest { Text = "r", Count = 3, ReplyPadding = 2048 });

        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None));
        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None));
        var error = await Assert.ThrowsAsync<RpcException>(() => call.ResponseStream.MoveNext(CancellationToken.None));
        Assert.Equal(StatusCode.ResourceExhausted, error.StatusCode);
    }

    [Fact]
    public async Task Wire_headers_then_one_frame_per_message_then_status_in_trailers()
    {
        await using var server = await RpcTestServer.StartAsync();
        using var http = server.CreateRawClient();
        var request = RawGrpc.Request("/kt.testing.v1.FeedService/Watch",
            RawGrpc.Frame(new WatchRequest { Text = "w", Count = 2, FailCode = (int)StatusCode.NotFound, FailMessage = NotFoundMessage }));

        var response = await RawGrpc.SendAsync(http, request);

        Assert.Equal(200, (int)response.Message.StatusCode);
        Assert.Equal("application/grpc", response.Message.Content.Headers.ContentType?.MediaType);
        Assert.Null(RawResponse.Value(response.Message.Headers, "grpc-status"));
        Assert.Equal(["w 1", "w 2"], Frames(response.Body).Select(f => EchoReply.Parser.ParseFrom(f).Text));
        Assert.Equal("5", RawResponse.Value(response.Message.TrailingHeaders, "grpc-status"));
        Assert.Equal(
            "%EC%9D%B4%EB%B2%A4%ED%8A%B8%EB%A5%BC %EC%B0%BE%EC%9D%84 %EC%88%98 %EC%97%86%EC%8A%B5%EB%8B%88%EB%8B%A4 (100%25)",
            RawResponse.Value(response.Message.TrailingHeaders, "grpc-message"));
        Assert.Equal("kept", RawResponse.Value(response.Message.TrailingHeaders, "failure-trailer"));
    }

    [Fact]
    public async Task Wire_error_before_any_message_is_Trailers_Only()
    {
        await using var server = await RpcTestServer.StartAsync();
        using var http = server.CreateRawClient();
        var request = RawGrpc.Request("/kt.testing.v1.FeedService/Watch",
            RawGrpc.Frame(new WatchRequest { Count = 0, FailCode = (int)StatusCode.InvalidArgument, FailMessage = "bad" }));

        var response = await RawGrpc.SendAsync(http, request);

        Assert.True(response.IsTrailersOnly);
        Assert.Equal("3", response.Header("grpc-status"));
        Assert.Equal("bad", response.Header("grpc-message"));
    }

    [Fact]
    public async Task Wire_empty_stream_is_headers_then_OK_in_trailers()
    {
        await using var server = await RpcTestServer.StartAsync();
        using var http = server.CreateRawClient();
        var request = RawGrpc.Request("/kt.testing.v1.FeedService/Watch", RawGrpc.Frame(new WatchRequest { Count = 0 }));

        var response = await RawGrpc.SendAsync(http, request);

        Assert.Empty(response.Body);
        Assert.Equal("application/grpc", response.Message.Content.Headers.ContentType?.MediaType);
        Assert.Null(RawResponse.Value(response.Message.Headers, "grpc-status"));
        Assert.Equal("0", RawResponse.Value(response.Message.TrailingHeaders, "grpc-status"));
        Assert.Equal("end", RawResponse.Value(response.Message.TrailingHeaders, "watch-trailer"));
    }

    [Fact]
    public async Task A_streaming_rpc_called_as_unary_fails_naming_the_right_call()
    {
        await using var server = await RpcTestServer.StartAsync();
        using var http = server.CreateRawClient();
        var invoker = new CallInvoker(http, new GrpcClientFactoryOptions { Address = server.Address });
        var watch = Method<WatchRequest, EchoReply>.Resolve(TestingReflection.Descriptor.GetService("FeedService"), "Watch");

        var error = Assert.Throws<InvalidOperationException>(() => invoker.AsyncUnaryCall(watch, default, new WatchRequest()));

        Assert.Equal(MethodType.ServerStreaming, watch.Type);
        Assert.Contains("AsyncServerStreamingCall", error.Message);
    }

    /// <summary>Splits a response body into its message payloads, per the 5-byte length prefix.</summary>
    private static List<byte[]> Frames(byte[] body)
    {
        var frames = new List<byte[]>();
        for (var offset = 0; offset < body.Length;)
        {
            Assert.Equal(0, body[offset]);
            var length = (body[offset + 1] << 24) | (body[offset + 2] << 16) | (body[offset + 3] << 8) | body[offset + 4];
            frames.Add(body.AsSpan(offset + 5, length).ToArray());
            offset += 5 + length;
        }

        return frames;
    }
}
