using System.Diagnostics;

using Google.Protobuf;
using Google.Protobuf.Reflection;

using KtEvents.Rpc.Tests.Infrastructure;
using KtEvents.Rpc.Tests.Protos;

using Microsoft.AspNetCore.Authorization;

namespace KtEvents.Rpc.Tests.Services;

public sealed class EchoGrpcService(CallProbe probe) : IGrpcService
{
    public static ServiceDescriptor Descriptor => TestingReflection.Descriptor.GetService("EchoService");

    public Task<EchoReply> Echo(EchoRequest request, ServerCallContext context)
    {
        context.ResponseTrailers.Add("echo-trailer", "done");
        var reply = new EchoReply
        {
            Text = request.Text,
            Authorization = context.RequestHeaders.GetValue("authorization") ?? "",
            TraceId = Activity.Current?.TraceId.ToHexString() ?? "",
            User = context.User.Identity?.Name ?? "",
            Padding = ByteString.CopyFrom(new byte[request.ReplyPadding]),
            HasDeadline = context.Deadline != DateTime.MaxValue,
        };
        foreach (var entry in context.RequestHeaders)
        {
            reply.Metadata[entry.Key] = entry.IsBinary ? Convert.ToBase64String(entry.ValueBytes) : entry.Value;
        }

        return Task.FromResult(reply);
    }

    public Task<EchoReply> Fail(FailRequest request, ServerCallContext context)
    {
        if (request.Unhandled)
        {
            throw new InvalidOperationException("secret detail: Host=db.internal;Password=hunter2");
        }

        context.ResponseTrailers.Add("failure-trailer", "kept");
        throw new RpcException(new Status((StatusCode)request.Code, request.Message));
    }

    public async Task<EchoReply> Slow(EchoRequest request, ServerCallContext context)
    {
        probe.Started.TrySetResult();
        try
        {
            await Task.Delay(Timeout.Infinite, context.CancellationToken);
        }
        catch (OperationCanceledException)
        {
            probe.Cancelled.TrySetResult(context.Deadline);
            throw;
        }

        throw new UnreachableException("An infinite delay ended without cancellation.");
    }

    [Authorize]
    public Task<EchoReply> Secret(EchoRequest request, ServerCallContext context) =>
        Task.FromResult(new EchoReply { Text = request.Text, User = context.User.Identity?.Name ?? "" });
}
