using System.Diagnostics;

using Google.Protobuf;

using KtEvents.Rpc.Wire;

using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;

namespace KtEvents.Rpc.Server;

/// <summary>
/// The endpoint of one rpc. It checks the request is gRPC over HTTP/2, arms the deadline, runs the
/// service method and maps its outcome to a status: <see cref="RpcException"/> to its own status,
/// any other exception to INTERNAL with a fixed text (the exception is logged, never sent).
/// </summary>
internal sealed class UnaryServerCallHandler(BoundMethod method, GrpcServiceOptions options, ILogger logger)
{
    // CancellationTokenSource timers accept at most uint.MaxValue - 1 ms (about 49 days).
    private static readonly TimeSpan MaxTimer = TimeSpan.FromMilliseconds(uint.MaxValue - 1);

    private readonly string _path = method.Path;

    public Task HandleAsync(HttpContext httpContext)
    {
        var activity = Activity.Current;
        GrpcDiagnostics.TagServerActivity(activity, method.Rpc.Service.FullName, method.Rpc.Name);
        return RunAsync(httpContext, activity);
    }

    private async Task RunAsync(HttpContext httpContext, Activity? activity)
    {
        var request = httpContext.Request;
        if (!GrpcProtocol.IsGrpcContentType(request.ContentType))
        {
            // The spec: 415 for anything that is not gRPC, so plain HTTP clients do not read a 200 as success.
            GrpcServerLog.Rejected(logger, _path, $"content-type '{request.ContentType}'");
            httpContext.Response.StatusCode = StatusCodes.Status415UnsupportedMediaType;
            return;
        }

        if (!HttpProtocol.IsHttp2(request.Protocol) && !HttpProtocol.IsHttp3(request.Protocol))
        {
            // Trailers-Only fits in HTTP/1.1 headers, so even a caller on the wrong protocol learns why.
            GrpcServerLog.Rejected(logger, _path, request.Protocol);
            Finish(httpContext, activity, new Status(StatusCode.Internal, $"gRPC needs HTTP/2; this request came over {request.Protocol}."));
            return;
        }

        TimeSpan? timeout = null;
        var timeoutHeader = request.Headers[GrpcProtocol.TimeoutHeader].ToString();
        if (timeoutHeader.Length > 0)
        {
            if (!GrpcTimeout.TryParse(timeoutHeader, out var parsed))
            {
                Finish(httpContext, activity, new Status(StatusCode.Internal, $"Malformed grpc-timeout '{timeoutHeader}'."));
                return;
            }

            timeout = parsed;
        }

        if (timeout == TimeSpan.Zero)
        {
            Finish(httpContext, activity, new Status(StatusCode.DeadlineExceeded, "Deadline Exceeded"));
            return;
        }

        // Message size is limited per message (MaxReceiveMessageSize), not by Kestrel's body limit.
        if (httpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodySize)
        {
            bodySize.MaxRequestBodySize = null;
        }

        using var deadlineTimer = timeout < MaxTimer ? new CancellationTokenSource(timeout.Value) : null;
        using var callToken = CancellationTokenSource.CreateLinkedTokenSource(
            httpContext.RequestAborted, deadlineTimer?.Token ?? CancellationToken.None);
        var context = new ServerCallContext(
            httpContext, _path, Deadline(timeout), RequestMetadata(request), callToken.Token);

        var (status, response, trailers) = await InvokeAsync(context, deadlineTimer);
        if (httpContext.RequestAborted.IsCancellationRequested)
        {
            // The caller reset the stream: there is nobody to send a status to.
            GrpcDiagnostics.SetStatus(activity, status.StatusCode, isServer: true);
            return;
        }

        if (response is not null)
        {
            try
            {
                var size = MessageFraming.FramedSize(response, options.MaxSendMessageSize);
                ServerResponse.WriteMessage(httpContext, response, size, trailers);
                GrpcDiagnostics.SetStatus(activity, StatusCode.OK, isServer: true);
                return;
            }
            catch (RpcException e)
            {
                status = e.Status;
            }
        }

        Finish(httpContext, activity, status, trailers);
    }

    private async Task<(Status Status, IMessage? Response, Metadata Trailers)> InvokeAsync(
        ServerCallContext context, CancellationTokenSource? deadlineTimer)
    {
        var trailers = context.ResponseTrailers;
        try
        {
            var response = await method.Invoker.InvokeAsync(context, options.MaxReceiveMessageSize);
            // The service owns the HttpContext until it returns, so a deadline is reported only then;
            // a result that arrives after the deadline is discarded, as the caller has given up on it.
            if (deadlineTimer?.IsCancellationRequested == true)
            {
                GrpcServerLog.DeadlineExceeded(logger, _path);
                return (new Status(StatusCode.DeadlineExceeded, "Deadline Exceeded"), null, trailers);
            }

            return (Status.DefaultSuccess, response, trailers);
        }
        catch (Exception) when (deadlineTimer?.IsCancellationRequested == true)
        {
            GrpcServerLog.DeadlineExceeded(logger, _path);
            return (new Status(StatusCode.DeadlineExceeded, "Deadline Exceeded"), null, trailers);
        }
        catch (Exception) when (context.GetHttpContext().RequestAborted.IsCancellationRequested)
        {
            GrpcServerLog.CancelledByCaller(logger, _path);
            return (new Status(StatusCode.Cancelled, "Call canceled by the client."), null, trailers);
        }
        catch (RpcException e)
        {
            GrpcServerLog.Failed(logger, _path, e.StatusCode);
            foreach (var entry in e.Trailers)
            {
                trailers.Add(entry);
            }

            return (e.Status, null, trailers);
        }
        catch (Exception e)
        {
            GrpcServerLog.UnhandledException(logger, _path, e);
            return (new Status(StatusCode.Internal, "Exception was thrown by handler."), null, trailers);
        }
    }

    private static void Finish(HttpContext httpContext, Activity? activity, Status status, Metadata? trailers = null)
    {
        ServerResponse.WriteTrailersOnly(httpContext, status, trailers ?? new Metadata());
        GrpcDiagnostics.SetStatus(activity, status.StatusCode, isServer: true);
    }

    private static DateTime Deadline(TimeSpan? timeout)
    {
        var now = DateTime.UtcNow;
        return timeout is { } t && t < DateTime.MaxValue - now ? now + t : DateTime.MaxValue;
    }

    private static Metadata RequestMetadata(HttpRequest request)
    {
        var metadata = new Metadata();
        foreach (var (name, values) in request.Headers)
        {
            foreach (var value in values)
            {
                if (value is not null)
                {
                    metadata.AddFromWire(name, value);
                }
            }
        }

        return metadata;
    }
}
