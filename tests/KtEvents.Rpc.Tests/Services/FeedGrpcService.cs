using System.Diagnostics;

using Google.Protobuf;
using Google.Protobuf.Reflection;

using KtEvents.Rpc.Tests.Infrastructure;
using KtEvents.Rpc.Tests.Protos;

namespace KtEvents.Rpc.Tests.Services;

public sealed class FeedGrpcService(CallProbe probe) : IGrpcService
{
    public static ServiceDescriptor Descriptor => TestingReflection.Descriptor.GetService("FeedService");

    public async Task Watch(WatchRequest request, IServerStreamWriter<EchoReply> responseStream, ServerCallContext context)
    {
        probe.Started.TrySetResult();
        context.ResponseTrailers.Add("watch-trailer", "end");
        for (var n = 1; n <= request.Count; n++)
        {
            await responseStream.WriteAsync(new EchoReply
            {
                Text = $"{request.Text} {n}",
                TraceId = Activity.Current?.TraceId.ToHexString() ?? "",
                HasDeadline = context.Deadline != DateTime.MaxValue,
                Padding = n == request.Count ? ByteString.CopyFrom(new byte[request.ReplyPadding]) : ByteString.Empty,
            });
            if (n == 1 && request.PauseAfterFirst)
            {
                await probe.Release.Task.WaitAsync(context.CancellationToken);
            }
        }

        if (request.Hang)
        {
            await HangAsync(responseStream, context);
        }

        if (request.Unhandled)
        {
            throw new InvalidOperationException("secret detail: Host=db.internal;Password=hunter2");
        }

        if (request.FailCode != 0)
        {
            context.ResponseTrailers.Add("failure-trailer", "kept");
            throw new RpcException(new Status((StatusCode)request.FailCode, request.FailMessage));
        }
    }

    private async Task HangAsync(IServerStreamWriter<EchoReply> responseStream, ServerCallContext context)
    {
        try
        {
            await Task.Delay(Timeout.Infinite, context.CancellationToken);
        }
        catch (OperationCanceledException)
        {
            probe.Cancelled.TrySetResult(context.Deadline);
            try
            {
                await responseStream.WriteAsync(new EchoReply { Text = "too late" });
                probe.WriteAfterCancel.TrySetResult(null);
            }
            catch (Exception e)
            {
                probe.WriteAfterCancel.TrySetResult(e);
            }

            throw;
        }

        throw new UnreachableException("An infinite delay ended without cancellation.");
    }
}
