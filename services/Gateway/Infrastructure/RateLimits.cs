using System.Threading.RateLimiting;

using KtEvents.ServiceDefaults.Errors;

using Microsoft.AspNetCore.RateLimiting;

namespace KtEvents.Gateway.Infrastructure;

/// <summary>
/// Per-client-address limits on the routes anyone can call: sign-in and sign-up (guessing passwords,
/// flooding the NTS check) and the public event page (flooding entries). The User service also
/// throttles failed logins per phone; this guards the door before that. The address is the client's,
/// read from <c>X-Forwarded-For</c> where a trusted proxy sent it (<see cref="TrustedProxies"/>).
/// </summary>
public static class RateLimits
{
    public const string Auth = "auth";
    public const string Public = "public";

    public static IServiceCollection AddGatewayRateLimits(this IServiceCollection services)
    {
        services.AddOptions<RateLimitOptions>().BindConfiguration(RateLimitOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.AddPolicy(Auth, http => PerClient(http, o => o.AuthPerMinute));
            limiter.AddPolicy(Public, http => PerClient(http, o => o.PublicPerMinute));
            limiter.OnRejected = async (context, cancellationToken) =>
            {
                context.HttpContext.Response.Headers.RetryAfter = "60";
                await Problems.Create(
                        StatusCodes.Status429TooManyRequests,
                        ProblemCodes.TooManyRequests,
                        "요청이 너무 많습니다. 잠시 후 다시 시도해주세요.")
                    .ExecuteAsync(context.HttpContext);
            };
        });
        return services;
    }

    private static RateLimitPartition<string> PerClient(HttpContext http, Func<RateLimitOptions, int> permits)
    {
        var options = http.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<RateLimitOptions>>().Value;
        var client = http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        return RateLimitPartition.GetSlidingWindowLimiter(client, _ => new SlidingWindowRateLimiterOptions
        {
            PermitLimit = permits(options),
            Window = TimeSpan.FromMinutes(1),
            SegmentsPerWindow = 6,
            QueueLimit = 0,
        });
    }
}
