using KtEvents.Contracts.Clients;
using KtEvents.Gateway.Model;
using KtEvents.Gateway.Infrastructure;

using Microsoft.AspNetCore.Http.HttpResults;

using UserV1 = KtEvents.Contracts.User.V1;

namespace KtEvents.Gateway.Apis;

/// <summary>Sign-up, sign-in and sign-out (UFR-USER-010/020/040), handled by the User service.</summary>
public static class AuthApi
{
    public static IEndpointRouteBuilder MapAuthApi(this IEndpointRouteBuilder app)
    {
        var auth = app.MapGroup("/auth").WithTags("Auth").RequireRateLimiting(RateLimits.Auth);
        auth.MapPost("/register", Register).AllowAnonymous();
        auth.MapPost("/login", Login).AllowAnonymous();
        auth.MapPost("/refresh", Refresh).AllowAnonymous();
        auth.MapPost("/logout", Logout).RequireAuthorization();
        app.MapGet("/me", GetMe).WithTags("Auth").RequireAuthorization();
        return app;
    }

    public static async Task<Created<SessionResponse>> Register(RegisterRequest body, UserClient users, CancellationToken cancellationToken)
    {
        var reply = await users.RegisterAsync(
            new UserV1.RegisterRequest
            {
                Name = body.Name ?? "",
                Phone = body.Phone ?? "",
                Email = body.Email ?? "",
                Password = body.Password ?? "",
                StoreName = body.StoreName ?? "",
                Industry = body.Industry ?? "",
                Address = body.Address ?? "",
                OpeningHours = body.OpeningHours ?? "",
                BusinessNumber = body.BusinessNumber ?? "",
            },
            Calls.Within(cancellationToken));
        return TypedResults.Created("/api/me", reply.ToResponse());
    }

    public static async Task<Ok<SessionResponse>> Login(LoginRequest body, UserClient users, CancellationToken cancellationToken)
    {
        var reply = await users.LoginAsync(
            new UserV1.LoginRequest { Phone = body.Phone ?? "", Password = body.Password ?? "", KeepSignedIn = body.KeepSignedIn },
            Calls.Within(cancellationToken));
        return TypedResults.Ok(reply.ToResponse());
    }

    public static async Task<Ok<SessionResponse>> Refresh(RefreshRequest body, UserClient users, CancellationToken cancellationToken)
    {
        var reply = await users.RefreshAsync(
            new UserV1.RefreshRequest { RefreshToken = body.RefreshToken ?? "" },
            Calls.Within(cancellationToken));
        return TypedResults.Ok(reply.ToResponse());
    }

    public static async Task<NoContent> Logout(LogoutRequest? body, UserClient users, CancellationToken cancellationToken)
    {
        await users.LogoutAsync(
            new UserV1.LogoutRequest { RefreshToken = body?.RefreshToken ?? "" },
            Calls.Within(cancellationToken));
        return TypedResults.NoContent();
    }

    public static async Task<Ok<OwnerResponse>> GetMe(UserClient users, CancellationToken cancellationToken)
    {
        var owner = await users.GetProfileAsync(new UserV1.GetProfileRequest(), Calls.Within(cancellationToken));
        return TypedResults.Ok(owner.ToResponse());
    }
}
