using System.Security.Claims;
using System.Text.Encodings.Web;

using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace KtEvents.ServiceDefaults.Authentication;

/// <summary>
/// Reads <c>Authorization: Bearer &lt;token&gt;</c>, validates it with the scheme's
/// <see cref="Es256JwtValidator"/> and signs the request in with the token's claims. Works for REST
/// and for gRPC alike, since gRPC metadata travels as HTTP/2 headers.
/// </summary>
internal sealed class JwtBearerHandler(IOptionsMonitor<JwtBearerOptions> options, ILoggerFactory loggerFactory, UrlEncoder encoder)
    : AuthenticationHandler<JwtBearerOptions>(options, loggerFactory, encoder)
{
    private const string BearerPrefix = "Bearer ";

    private new JwtBearerEvents Events => (JwtBearerEvents)base.Events!;

    protected override Task<object> CreateEventsAsync() => Task.FromResult<object>(new JwtBearerEvents());

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? authorization = Request.Headers.Authorization;
        if (authorization is null || !authorization.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase))
        {
            // Not ours: another scheme may handle it, or the endpoint allows anonymous callers.
            return AuthenticateResult.NoResult();
        }

        var token = authorization[BearerPrefix.Length..].Trim();
        if (token.Length == 0)
        {
            return AuthenticateResult.NoResult();
        }

        var validator = Context.RequestServices.GetRequiredKeyedService<Es256JwtValidator>(Scheme.Name);
        var result = await validator.ValidateAsync(token, Context.RequestAborted);
        if (result.Error is { } error)
        {
            JwtLog.TokenRejected(Logger, Scheme.Name, error);
            return AuthenticateResult.Fail($"The bearer token was rejected ({error}).");
        }

        var identity = new ClaimsIdentity(result.Claims, Scheme.Name, nameType: "name", roleType: "role");
        var validated = new TokenValidatedContext(Context, Scheme, Options) { Principal = new ClaimsPrincipal(identity) };
        await Events.TokenValidated(validated);
        if (validated.Result is { } decided)
        {
            return decided;
        }

        validated.Success();
        return validated.Result!;
    }

    // RFC 6750 §3: say that a token was presented and refused, but not why; the reason is in our log.
    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var authentication = await HandleAuthenticateOnceSafeAsync();
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = authentication.Failure is null ? "Bearer" : "Bearer error=\"invalid_token\"";
    }
}
