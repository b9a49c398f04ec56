using System.Diagnostics;

using KtEvents.Rpc.Wire;

using Microsoft.AspNetCore.Http;

namespace KtEvents.Rpc.Server;

/// <summary>
/// The lowest-priority <c>/{service}/{method}</c> route: a gRPC request for an rpc nobody mapped gets
/// UNIMPLEMENTED (as a gRPC status, which a plain 404 would only approximate); anything else a 404.
/// </summary>
internal sealed class UnimplementedCallHandler(GrpcServiceRegistry registry)
{
    public Task HandleAsync(HttpContext httpContext)
    {
        if (!GrpcProtocol.IsGrpcContentType(httpContext.Request.ContentType))
        {
            httpContext.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        }

        var service = httpContext.Request.RouteValues["service"] as string ?? "";
        var method = httpContext.Request.RouteValues["method"] as string ?? "";
        var detail = registry.Contains(service)
            ? $"Method '{method}' of service '{service}' is not implemented."
            : $"Service '{service}' is not implemented.";
        var activity = Activity.Current;
        GrpcDiagnostics.TagServerActivity(activity, service, method);
        ServerResponse.WriteTrailersOnly(httpContext, new Status(StatusCode.Unimplemented, detail), new Metadata());
        GrpcDiagnostics.SetStatus(activity, StatusCode.Unimplemented, isServer: true);
        return Task.CompletedTask;
    }
}
