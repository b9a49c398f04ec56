using Microsoft.Extensions.Options;

namespace KtEvents.ServiceDefaults.Authentication;

/// <summary>Stops the service at start when the <c>Jwt</c> section is missing or unusable.</summary>
internal sealed class JwtBearerOptionsValidator : IValidateOptions<JwtBearerOptions>
{
    private static readonly TimeSpan MaxClockSkew = TimeSpan.FromMinutes(5);

    public ValidateOptionsResult Validate(string? name, JwtBearerOptions options)
    {
        var failures = new List<string>();
        var section = JwtBearerOptions.SectionName;
        if (string.IsNullOrWhiteSpace(options.Issuer))
        {
            failures.Add($"{section}:Issuer is required.");
        }

        if (string.IsNullOrWhiteSpace(options.Audience))
        {
            failures.Add($"{section}:Audience is required.");
        }

        if (!Uri.TryCreate(options.JwksUrl, UriKind.Absolute, out var jwksUrl)
            || (jwksUrl.Scheme != Uri.UriSchemeHttp && jwksUrl.Scheme != Uri.UriSchemeHttps))
        {
            failures.Add($"{section}:JwksUrl must be an absolute http or https URL.");
        }

        if (options.ClockSkew < TimeSpan.Zero || options.ClockSkew > MaxClockSkew)
        {
            failures.Add($"{section}:ClockSkew must be between 0 and 5 minutes.");
        }

        if (options.JwksRefreshInterval <= TimeSpan.Zero)
        {
            failures.Add($"{section}:JwksRefreshInterval must be positive.");
        }

        if (options.JwksCacheLifetime < options.JwksRefreshInterval)
        {
            failures.Add($"{section}:JwksCacheLifetime must be at least JwksRefreshInterval.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
