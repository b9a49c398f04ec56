using System.Diagnostics;

namespace KtEvents.Rpc;

/// <summary>
/// Tracing. A client call is an Activity of the "KtEvents.Rpc" source named like
/// <c>kt.event.v1.EventService/GetEvent</c>; HttpClient's own Activity nests in it and carries the W3C
/// <c>traceparent</c>. On the server, ASP.NET Core's request Activity (already the child of that
/// traceparent) is renamed and tagged the same way instead of adding a second span. Tags follow the
/// OpenTelemetry RPC conventions (rpc.system, rpc.service, rpc.method, rpc.grpc.status_code).
/// </summary>
public static class GrpcDiagnostics
{
    public const string ActivitySourceName = "KtEvents.Rpc";

    private static readonly ActivitySource Source = new(ActivitySourceName);

    internal static Activity? StartClientActivity(string service, string method)
    {
        if (!Source.HasListeners())
        {
            return null;
        }

        var activity = Source.StartActivity($"{service}/{method}", ActivityKind.Client);
        Tag(activity, service, method);
        return activity;
    }

    internal static void TagServerActivity(Activity? activity, string service, string method)
    {
        if (activity is null)
        {
            return;
        }

        activity.DisplayName = $"{service}/{method}";
        Tag(activity, service, method);
    }

    internal static void SetStatus(Activity? activity, StatusCode code, bool isServer)
    {
        if (activity is null)
        {
            return;
        }

        activity.SetTag("rpc.grpc.status_code", (int)code);
        // A server span is an error only where the server is at fault; NOT_FOUND and the like are the
        // caller's problem. A client span is an error for every non-OK status.
        var failed = isServer
            ? code is StatusCode.Unknown or StatusCode.DeadlineExceeded or StatusCode.Unimplemented
                or StatusCode.Internal or StatusCode.Unavailable or StatusCode.DataLoss
            : code != StatusCode.OK;
        if (failed)
        {
            activity.SetStatus(ActivityStatusCode.Error, code.ToString());
        }
    }

    private static void Tag(Activity? activity, string service, string method)
    {
        if (activity is not { IsAllDataRequested: true })
        {
            return;
        }

        activity.SetTag("rpc.system", "grpc");
        activity.SetTag("rpc.service", service);
        activity.SetTag("rpc.method", method);
    }
}
