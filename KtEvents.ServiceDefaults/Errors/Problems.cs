using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace KtEvents.ServiceDefaults.Errors;

/// <summary>
/// Builds ProblemDetails results in the project's convention (ARCHITECTURE.md §4): a stable <c>code</c>
/// the web app can switch on and a Korean <c>detail</c> it can show as is.
/// </summary>
public static class Problems
{
    /// <summary>A problem with its own code, e.g. <c>Problems.Create(409, "event_already_approved", "이미 승인된 이벤트입니다.")</c>.</summary>
    public static ProblemHttpResult Create(int statusCode, string code, string detail, string? title = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(code);
        ArgumentException.ThrowIfNullOrWhiteSpace(detail);
        return TypedResults.Problem(
            detail: detail,
            statusCode: statusCode,
            title: title,
            extensions: new Dictionary<string, object?> { [ProblemDetailsConventions.CodeExtension] = code });
    }

    /// <summary>A 400 with per-field errors (field name → Korean messages) and the code "validation_failed".</summary>
    public static ValidationProblem Validation(IDictionary<string, string[]> errors, string? detail = null)
    {
        ArgumentNullException.ThrowIfNull(errors);
        return TypedResults.ValidationProblem(
            errors,
            detail: detail ?? "입력값을 다시 확인해 주세요.",
            extensions: new Dictionary<string, object?> { [ProblemDetailsConventions.CodeExtension] = ProblemCodes.ValidationFailed });
    }
}
