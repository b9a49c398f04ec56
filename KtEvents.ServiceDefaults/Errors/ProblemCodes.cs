namespace KtEvents.ServiceDefaults.Errors;

/// <summary>
/// Stable values of the ProblemDetails <c>code</c> extension for errors the framework raises. The web
/// app switches on <c>code</c>, never on the Korean <c>detail</c>, so these strings never change.
/// Services define their own codes (e.g. "event_already_approved") next to their endpoints.
/// </summary>
public static class ProblemCodes
{
    public const string BadRequest = "bad_request";
    public const string ValidationFailed = "validation_failed";
    public const string Unauthorized = "unauthorized";
    public const string Forbidden = "forbidden";
    public const string NotFound = "not_found";
    public const string MethodNotAllowed = "method_not_allowed";
    public const string Conflict = "conflict";
    public const string PayloadTooLarge = "payload_too_large";
    public const string UnsupportedMediaType = "unsupported_media_type";
    public const string TooManyRequests = "too_many_requests";
    public const string InternalError = "internal_error";
    public const string ServiceUnavailable = "service_unavailable";
    public const string Error = "error";
}
