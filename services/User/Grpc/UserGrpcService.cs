using Google.Protobuf.WellKnownTypes;

using KtEvents.Contracts.Problems;
using KtEvents.Contracts.User.V1;
using KtEvents.Rpc;
using KtEvents.ServiceDefaults.Authentication;
using KtEvents.User.Authentication;
using KtEvents.User.Infrastructure;
using KtEvents.User.Infrastructure.Nts;
using KtEvents.User.Model;

using Microsoft.AspNetCore.Authorization;

using ServiceDescriptor = Google.Protobuf.Reflection.ServiceDescriptor;

namespace KtEvents.User.Grpc;

/// <summary><c>kt.user.v1.UserService</c>: sign-up (UFR-USER-010), sign-in (020), token refresh, sign-out (040) and the profile.</summary>
[Authorize]
public sealed class UserGrpcService(
    OwnerRepository owners,
    RefreshTokenRepository refreshTokens,
    NtsClient nts,
    OwnerPasswords passwords,
    TokenService tokens,
    LoginThrottle throttle,
    AccessTokenDenylist denylist,
    ILogger<UserGrpcService> logger) : IGrpcService
{
    public static ServiceDescriptor Descriptor => UserReflection.Descriptor.GetService("UserService");

    /// <summary>
    /// Input rules first (all fields at once), then the check digit, then whether the phone or the number
    /// is taken, and only then the 국세청: the outside call comes last, and nothing is stored unless all pass.
    /// </summary>
    [AllowAnonymous]
    public async Task<AuthReply> Register(RegisterRequest request, ServerCallContext context)
    {
        var cancellationToken = context.CancellationToken;
        var registration = RegistrationValidator.Validate(request, out var errors) ?? throw ServiceProblem.Validation(errors);

        if (!BusinessNumber.HasValidCheckDigit(registration.BusinessNumber))
        {
            throw UserProblems.BusinessNumberChecksum();
        }

        ThrowIfTaken(await owners.FindConflictAsync(registration.Phone, registration.BusinessNumber, cancellationToken));

        var state = await nts.GetStateAsync(registration.BusinessNumber, cancellationToken);
        if (state is not NtsBusinessState.Active)
        {
            UserLog.BusinessRefused(logger, state);
            throw state switch
            {
                NtsBusinessState.Suspended => UserProblems.BusinessSuspended(),
                NtsBusinessState.Closed => UserProblems.BusinessClosed(),
                NtsBusinessState.Unregistered => UserProblems.BusinessNumberUnknown(),
                _ => UserProblems.BusinessCheckUnavailable(),
            };
        }

        var owner = new Owner(
            Guid.CreateVersion7(),
            registration.Name,
            registration.Phone,
            registration.Email,
            passwords.Hash(registration.Password),
            new OwnerStore(
                Guid.CreateVersion7(),
                registration.StoreName,
                registration.Industry,
                registration.Address,
                registration.OpeningHours,
                registration.BusinessNumber));
        // Signing up lands on the dashboard signed in, so the session gets a refresh token as with "로그인 유지".
        var refreshToken = tokens.CreateRefreshToken();
        ThrowIfTaken(await owners.AddAsync(owner, refreshToken, cancellationToken));
        UserLog.Registered(logger, owner.Id, owner.Store.Id);
        return await CreateReplyAsync(owner, refreshToken, cancellationToken);
    }

    /// <summary>Phone and password; every failure reads the same, and five within 15 minutes lock the phone.</summary>
    [AllowAnonymous]
    public async Task<AuthReply> Login(LoginRequest request, ServerCallContext context)
    {
        var cancellationToken = context.CancellationToken;
        var isPhone = PhoneNumber.TryNormalize(request.Phone, out var phone);
        var throttleKey = isPhone ? phone : request.Phone.Trim();
        if (await throttle.IsLockedAsync(throttleKey))
        {
            AuthLog.LoginLocked(logger, LoginThrottle.KeyFor(throttleKey));
            throw UserProblems.TooManyAttempts();
        }

        var owner = isPhone ? await owners.FindByPhoneAsync(phone, cancellationToken) : null;
        if (!passwords.Verify(owner, request.Password) || owner is null)
        {
            await throttle.RecordFailureAsync(throttleKey);
            UserLog.LoginFailed(logger);
            throw UserProblems.InvalidCredentials();
        }

        await throttle.ResetAsync(throttleKey);
        NewRefreshToken? refreshToken = null;
        if (request.KeepSignedIn)
        {
            refreshToken = tokens.CreateRefreshToken();
            await refreshTokens.AddAsync(refreshToken, owner.Id, cancellationToken);
        }

        UserLog.LoggedIn(logger, owner.Id);
        return await CreateReplyAsync(owner, refreshToken, cancellationToken);
    }

    /// <summary>Trades a live refresh token for a new pair; the presented one stops working.</summary>
    [AllowAnonymous]
    public async Task<AuthReply> Refresh(RefreshRequest request, ServerCallContext context)
    {
        var cancellationToken = context.CancellationToken;
        // Ours are 43 characters; anything far off is not worth a database round trip.
        if (request.RefreshToken.Length is 0 or > 128)
        {
            throw UserProblems.RefreshTokenInvalid();
        }

        var replacement = tokens.CreateRefreshToken();
        var (outcome, userId) = await refreshTokens.RotateAsync(TokenService.HashRefreshToken(request.RefreshToken), replacement, cancellationToken);
        if (outcome is RefreshOutcome.Reused)
        {
            AuthLog.RefreshTokenReused(logger, userId);
        }

        if (outcome is not RefreshOutcome.Rotated
            || await owners.FindByIdAsync(userId, cancellationToken) is not { } owner)
        {
            throw UserProblems.RefreshTokenInvalid();
        }

        return await CreateReplyAsync(owner, replacement, cancellationToken);
    }

    /// <summary>Revokes the given refresh token (only the caller's own) and the access token the call came with.</summary>
    public async Task<LogoutReply> Logout(LogoutRequest request, ServerCallContext context)
    {
        var user = context.User;
        var ownerId = user.GetOwnerId();
        if (request.RefreshToken.Length is > 0 and <= 128)
        {
            await refreshTokens.RevokeAsync(TokenService.HashRefreshToken(request.RefreshToken), ownerId, context.CancellationToken);
        }

        // The bearer handler has checked that the token has a jti (see Extensions) and an exp.
        if (user.FindFirst("jti")?.Value is { } jti && long.TryParse(user.FindFirst("exp")?.Value, out var expiresAt))
        {
            await denylist.RevokeAsync(jti, DateTimeOffset.FromUnixTimeSeconds(expiresAt));
        }

        UserLog.LoggedOut(logger, ownerId);
        return new LogoutReply();
    }

    public async Task<OwnerProfile> GetProfile(GetProfileRequest request, ServerCallContext context)
    {
        var owner = await owners.FindByIdAsync(context.User.GetOwnerId(), context.CancellationToken)
            ?? throw UserProblems.OwnerNotFound();
        return owner.ToProfile();
    }

    private static void ThrowIfTaken(RegistrationConflict conflict)
    {
        switch (conflict)
        {
            case RegistrationConflict.Phone:
                throw UserProblems.PhoneTaken();
            case RegistrationConflict.BusinessNumber:
                throw UserProblems.BusinessNumberTaken();
        }
    }

    private async Task<AuthReply> CreateReplyAsync(Owner owner, NewRefreshToken? refreshToken, CancellationToken cancellationToken)
    {
        var accessToken = await tokens.CreateAccessTokenAsync(owner.Id, owner.Store.Id, cancellationToken);
        var reply = new AuthReply
        {
            AccessToken = accessToken.Token,
            AccessTokenExpiresAt = Timestamp.FromDateTimeOffset(accessToken.ExpiresAt),
            Owner = owner.ToProfile(),
        };
        if (refreshToken is not null)
        {
            reply.RefreshToken = refreshToken.Token;
            reply.RefreshTokenExpiresAt = Timestamp.FromDateTimeOffset(refreshToken.ExpiresAt);
        }

        return reply;
    }
}
