using KtEvents.Contracts.Problems;
using KtEvents.Rpc;
using KtEvents.ServiceDefaults.Errors;

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
            var status = ToHttpStatus(rpc.StatusCode);
            var code = ServiceProblem.ReadCode(rpc);
            GatewayLog.ServiceCallFailed(logger, rpc.StatusCode, code ?? "-");
            if (code is null)
            {
                return TypedResults.Problem(statusCode: status);
            }

            return ServiceProblem.ReadFieldErrors(rpc) is { Count: > 0 } errors
                ? Problems.Validation(errors.ToDictionary(e => e.Key, e => e.Value), rpc.Status.Detail)
                : Problems.Create(status, code, rpc.Status.Detail);
        }
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
