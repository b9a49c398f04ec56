using System.Diagnostics;

using KtEvents.Rpc.Wire;

using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;

namespace KtEvents.Rpc.Server;

/// <summary>
/// The endpoint of one rpc. It checks the request is gRPC over HTTP/2 and arms the deadline; the kind of
/// rpc then runs the service method (<see cref="HandleCallAsync"/>), and its outcome becomes a status:
/// <see cref="RpcException"/> its own status, any other exception INTERNAL with a fixed text (the
/// exception is logged, never sent).
/// </summary>
internal abstract class ServerCallHandler(BoundMethod method, GrpcServiceOptions options, ILogger logger)
{
    // CancellationTokenSource timers accept at most uint.MaxValue - 1 ms (about 49 days).
    private static readonly TimeSpan MaxTimer = TimeSpan.FromMilliseconds(uint.MaxValue - 1);

    private readonly string _path = method.Path;

    protected GrpcServiceOptions Options => options;

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
            Finish(httpContext, activity, DeadlineExceeded);
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

        await HandleCallAsync(context, deadlineTimer, activity);
    }

    /// <summary>Runs the service method and writes the response; the context's token already carries the deadline.</summary>
    protected abstract Task HandleCallAsync(ServerCallContext context, CancellationTokenSource? deadlineTimer, Activity? activity);

    /// <summary>The status of a service method that ended with <paramref name="exception"/>; RpcException's trailers join the call's.</summary>
    protected Status ToStatus(Exception exception, ServerCallContext context, CancellationTokenSource? deadlineTimer)
    {
        if (deadlineTimer?.IsCancellationRequested == true)
        {
            GrpcServerLog.DeadlineExceeded(logger, _path);
            return DeadlineExceeded;
        }

        if (context.GetHttpContext().RequestAborted.IsCancellationRequested)
        {
            GrpcServerLog.CancelledByCaller(logger, _path);
            return new Status(StatusCode.Cancelled, "Call canceled by the client.");
        }

        if (exception is RpcException e)
        {
            GrpcServerLog.Failed(logger, _path, e.StatusCode);
            foreach (var entry in e.Trailers)
            {
                context.ResponseTrailers.Add(entry);
            }

            return e.Status;
        }

        GrpcServerLog.UnhandledException(logger, _path, exception);
        return new Status(StatusCode.Internal, "Exception was thrown by handler.");
    }

    /// <summary>The status of a service method that returned after its deadline passed: its result is discarded, as the caller has given up on it.</summary>
    protected Status? LateStatus(CancellationTokenSource? deadlineTimer)
    {
        if (deadlineTimer?.IsCancellationRequested != true)
        {
            return null;
        }

        GrpcServerLog.DeadlineExceeded(logger, _path);
        return DeadlineExceeded;
    }

    protected static Status DeadlineExceeded => new(StatusCode.DeadlineExceeded, "Deadline Exceeded");

    protected static void Finish(HttpContext httpContext, Activity? activity, Status status, Metadata? trailers = null)
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
