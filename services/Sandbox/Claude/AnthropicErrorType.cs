namespace KtEvents.Sandbox.Claude;

/// <summary>The <c>error.type</c> values the double gives, with the status the API gives each.</summary>
public static class AnthropicErrorType
{
    public const string InvalidRequest = "invalid_request_error";
    public const string Authentication = "authentication_error";
    public const string RateLimit = "rate_limit_error";
    public const string Overloaded = "overloaded_error";
    public const string Api = "api_error";

    public static int StatusOf(string type) => type switch
    {
        InvalidRequest => StatusCodes.Status400BadRequest,
        Authentication => StatusCodes.Status401Unauthorized,
        RateLimit => StatusCodes.Status429TooManyRequests,
        Overloaded => 529,
        _ => StatusCodes.Status500InternalServerError,
    };
}
