using System.Diagnostics;

using Microsoft.Extensions.Logging;

namespace KtEvents.Rpc.Server;

/// <summary>
/// A server-streaming rpc: the service method writes messages as it goes (headers go out with the
/// first); when it returns or throws, the status follows in trailers. A failure before any message is a
/// Trailers-Only response, as for a unary call.
/// </summary>
internal sealed class ServerStreamingCallHandler(
    BoundMethod method, IServerStreamingMethodInvoker invoker, GrpcServiceOptions options, ILogger logger)
    : ServerCallHandler(method, options, logger)
{
    protected override async Task HandleCallAsync(ServerCallContext context, CancellationTokenSource? deadlineTimer, Activity? activity)
    {
        var httpContext = context.GetHttpContext();
        var responseStream = new ServerStreamResponse(httpContext, context.CancellationToken, Options.MaxSendMessageSize);
        Status status;
        try
        {
            await invoker.InvokeAsync(context, Options.MaxReceiveMessageSize, responseStream);
            status = LateStatus(deadlineTimer) ?? Status.DefaultSuccess;
        }
        catch (Exception e)
        {
            status = ToStatus(e, context, deadlineTimer);
        }
        finally
        {
            responseStream.Complete();
        }

        if (httpContext.RequestAborted.IsCancellationRequested)
        {
            // The caller reset the stream: there is nobody to send a status to.
            GrpcDiagnostics.SetStatus(activity, status.StatusCode, isServer: true);
            return;
        }

        if (status.StatusCode == StatusCode.OK || responseStream.HasStarted)
        {
            ServerResponse.WriteTrailers(httpContext, status, context.ResponseTrailers);
            GrpcDiagnostics.SetStatus(activity, status.StatusCode, isServer: true);
            return;
        }

        Finish(httpContext, activity, status, context.ResponseTrailers);
    }
}
