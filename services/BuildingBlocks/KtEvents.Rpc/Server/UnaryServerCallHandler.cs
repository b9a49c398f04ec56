using System.Diagnostics;

using Google.Protobuf;

using KtEvents.Rpc.Wire;

using Microsoft.Extensions.Logging;

namespace KtEvents.Rpc.Server;

/// <summary>A unary rpc: one response message and OK in trailers, or a Trailers-Only error.</summary>
internal sealed class UnaryServerCallHandler(BoundMethod method, IUnaryMethodInvoker invoker, GrpcServiceOptions options, ILogger logger)
    : ServerCallHandler(method, options, logger)
{
    protected override async Task HandleCallAsync(ServerCallContext context, CancellationTokenSource? deadlineTimer, Activity? activity)
    {
        var httpContext = context.GetHttpContext();
        Status status;
        IMessage? response = null;
        try
        {
            response = await invoker.InvokeAsync(context, Options.MaxReceiveMessageSize);
            // The service owns the HttpContext until it returns, so a deadline is reported only then.
            status = LateStatus(deadlineTimer) ?? Status.DefaultSuccess;
        }
        catch (Exception e)
        {
            status = ToStatus(e, context, deadlineTimer);
        }

        if (httpContext.RequestAborted.IsCancellationRequested)
        {
            // The caller reset the stream: there is nobody to send a status to.
            GrpcDiagnostics.SetStatus(activity, status.StatusCode, isServer: true);
            return;
        }

        if (status.StatusCode == StatusCode.OK && response is not null)
        {
            try
            {
                var size = MessageFraming.FramedSize(response, Options.MaxSendMessageSize);
                ServerResponse.WriteMessage(httpContext, response, size, context.ResponseTrailers);
                GrpcDiagnostics.SetStatus(activity, StatusCode.OK, isServer: true);
                return;
            }
            catch (RpcException e)
            {
                status = e.Status;
            }
        }

        Finish(httpContext, activity, status, context.ResponseTrailers);
    }
}
