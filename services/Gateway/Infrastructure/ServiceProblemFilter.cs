using KtEvents.Contracts.Problems;
using KtEvents.Rpc;
using KtEvents.ServiceDefaults.Errors;

using Microsoft.AspNetCore.Http.HttpResults;

namespace KtEvents.Gateway.Infrastructure;

/// <summary>
/// Turns a service's gRPC failure into the ProblemDetails the web app reads (ARCHITECTURE.md §4): the
/// status code picks the HTTP status, and the <see cref="ServiceProblem"/> trailers give the stable
/// code, the Korean detail and the per-field errors. A failure without them (a crash, a timeout) gets
/// the generic Korean message of its status; the service's own text never reaches the browser.
/// An endpoint filter rather than an exception handler, so it holds in Development too, where the
/// developer exception page would otherwise answer first.
/// </summary>
public sealed class ServiceProblemFilter(ILogger<ServiceProblemFilter> logger) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context);
        }
        catch (RpcException rpc) when (!context.HttpContext.Response.HasStarted)
        {
            var code = ServiceProblem.ReadCode(rpc);
            GatewayLog.ServiceCallFailed(logger, rpc.StatusCode, code ?? "-");
            return code is not null && ServiceProblem.ReadFieldErrors(rpc) is { Count: > 0 } errors
                ? Problems.Validation(errors.ToDictionary(e => e.Key, e => e.Value), rpc.Status.Detail)
                : ToProblem(rpc);
        }
    }

    /// <summary>
    /// The problem a failed call without field errors becomes: the status its gRPC code maps to, with
    /// the service's stable code and Korean detail when it sent them, and nothing of its text when not.
    /// </summary>
    public static ProblemHttpResult ToProblem(RpcException rpc)
    {
        var status = ToHttpStatus(rpc.StatusCode);
        return ServiceProblem.ReadCode(rpc) is { } code
            ? Problems.Create(status, code, rpc.Status.Detail)
            : TypedResults.Problem(statusCode: status);
    }

    public static int ToHttpStatus(StatusCode code) => code switch
    {
        StatusCode.InvalidArgument or StatusCode.FailedPrecondition or StatusCode.OutOfRange => StatusCodes.Status400BadRequest,
        StatusCode.Unauthenticated => StatusCodes.Status401Unauthorized,
        StatusCode.PermissionDenied => StatusCodes.Status403Forbidden,
        StatusCode.NotFound => StatusCodes.Status404NotFound,
        StatusCode.AlreadyExists or StatusCode.Aborted => StatusCodes.Status409Conflict,
        StatusCode.ResourceExhausted => StatusCodes.Status429TooManyRequests,
        StatusCode.Unavailable or StatusCode.DeadlineExceeded => StatusCodes.Status503ServiceUnavailable,
        _ => StatusCodes.Status500InternalServerError,
    };
}
