using Microsoft.AspNetCore.Http;

namespace KtEvents.ServiceDefaults.Errors;

/// <summary>
/// Fills in the <c>code</c> extension and a Korean <c>detail</c> on problems that do not carry their own,
/// so that a 404 from routing or a 500 from the exception handler reads like our own errors.
/// </summary>
internal static class ProblemDetailsConventions
{
    public const string CodeExtension = "code";

    public static void Apply(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        var status = problem.Status ?? context.HttpContext.Response.StatusCode;
        var isValidation = problem is HttpValidationProblemDetails { Errors.Count: > 0 };
        var (code, detail) = isValidation
            ? (ProblemCodes.ValidationFailed, "입력값을 다시 확인해 주세요.")
            : Describe(status);

        if (!problem.Extensions.ContainsKey(CodeExtension))
        {
            problem.Extensions[CodeExtension] = code;
        }

        // Only fill a missing detail: a detail set by our own endpoints is already the UI message, and
        // the exception handler never sets one, so exception text cannot end up here.
        problem.Detail ??= detail;
    }

    private static (string Code, string Detail) Describe(int status) => status switch
    {
        StatusCodes.Status400BadRequest => (ProblemCodes.BadRequest, "요청 형식이 올바르지 않습니다."),
        StatusCodes.Status401Unauthorized => (ProblemCodes.Unauthorized, "로그인이 필요합니다."),
        StatusCodes.Status403Forbidden => (ProblemCodes.Forbidden, "이 작업을 할 권한이 없습니다."),
        StatusCodes.Status404NotFound => (ProblemCodes.NotFound, "요청한 항목을 찾을 수 없습니다."),
        StatusCodes.Status405MethodNotAllowed => (ProblemCodes.MethodNotAllowed, "지원하지 않는 요청 방식입니다."),
        StatusCodes.Status409Conflict => (ProblemCodes.Conflict, "요청이 현재 상태와 맞지 않습니다. 새로고침한 뒤 다시 시도해 주세요."),
        StatusCodes.Status413PayloadTooLarge => (ProblemCodes.PayloadTooLarge, "요청 크기가 너무 큽니다."),
        StatusCodes.Status415UnsupportedMediaType => (ProblemCodes.UnsupportedMediaType, "지원하지 않는 형식입니다."),
        StatusCodes.Status429TooManyRequests => (ProblemCodes.TooManyRequests, "요청이 너무 많습니다. 잠시 후 다시 시도해 주세요."),
        StatusCodes.Status503ServiceUnavailable => (ProblemCodes.ServiceUnavailable, "서비스를 잠시 사용할 수 없습니다. 잠시 후 다시 시도해 주세요."),
        >= 500 => (ProblemCodes.InternalError, "일시적인 오류가 발생했습니다. 잠시 후 다시 시도해 주세요."),
        >= 400 => (ProblemCodes.BadRequest, "요청을 처리할 수 없습니다."),
        _ => (ProblemCodes.Error, "요청을 처리하지 못했습니다."),
    };
}
