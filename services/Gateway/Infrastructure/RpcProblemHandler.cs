using KtEvents.Contracts.Problems;
using KtEvents.Rpc;
using KtEvents.ServiceDefaults.Errors;

using Microsoft.AspNetCore.Diagnostics;

namespace KtEvents.Gateway.Infrastructure;

/// <summary>
/// Turns a service's gRPC failure into the ProblemDetails the web app reads (ARCHITECTURE.md §4): the
/// status code picks the HTTP status, and the <see cref="ServiceProblem"/> trailers give the stable
/// code, the Korean detail and the per-field errors. A failure without them (a crash, a timeout) gets
/// a generic Korean message; the service's own text never reaches the browser.
/// </summary>
public sealed class RpcProblemHandler(IProblemDetailsService problemDetails, ILogger<RpcProblemHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not RpcException rpc)
        {
            return false;
        }

        var status = ToHttpStatus(rpc.StatusCode);
        var code = ServiceProblem.ReadCode(rpc);
        GatewayLog.ServiceCallFailed(logger, rpc.StatusCode, code ?? "-");

        var problem = ServiceProblem.ReadFieldErrors(rpc) is { Count: > 0 } errors
            ? new HttpValidationProblemDetails(errors.ToDictionary(e => e.Key, e => e.Value)) { Status = status }
            : new Microsoft.AspNetCore.Mvc.ProblemDetails { Status = status };

        // Only a service's own ServiceProblem carries words meant for the owner.
        if (code is not null)
        {
            problem.Detail = rpc.Status.Detail;
            problem.Extensions["code"] = code;
        }

        httpContext.Response.StatusCode = status;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = problem,
            Exception = exception,
        });
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
