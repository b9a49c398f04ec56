using KtEvents.Contracts.User.V1;
using KtEvents.Rpc;
using KtEvents.User.Authentication;
using KtEvents.User.Tests.Infrastructure;

namespace KtEvents.User.Tests;

[Collection(UserServiceCollection.Name)]
public sealed class LoginTests(UserServiceFixture service)
{
    [Fact]
    public async Task UFR_USER_020_Sign_in_with_keep_signed_in_gets_a_stored_hashed_refresh_token()
    {
        var registered = await RegisterAsync();

        var reply = await service.Client.LoginAsync(new LoginRequest
        {
            Phone = $"{registered.Phone[..3]}-{registered.Phone[3..7]}-{registered.Phone[7..]}",
            Password = TestRegistrations.Password,
            KeepSignedIn = true,
        }).ResponseAsync;

        Assert.Equal(registered.UserId, reply.Owner.UserId);
        Assert.NotEmpty(reply.AccessToken);
        Assert.Equal(43, reply.RefreshToken.Length);
        Assert.InRange(reply.RefreshTokenExpiresAt.ToDateTimeOffset() - DateTimeOffset.UtcNow, TimeSpan.FromDays(29), TimeSpan.FromDays(30));
        Assert.Equal(1, await service.CountAsync(
            "SELECT count(*) FROM refresh_tokens WHERE token_hash = $1 AND user_id = $2 AND revoked_at IS NULL",
            TokenService.HashRefreshToken(reply.RefreshToken), Guid.Parse(registered.UserId)));
        var profile = await service.Client.GetProfileAsync(new GetProfileRequest(), UserServiceFixture.WithToken(reply.AccessToken)).ResponseAsync;
        Assert.Equal(registered.UserId, profile.UserId);
    }

    [Fact]
    public async Task UFR_USER_020_Sign_in_without_keep_signed_in_gets_no_refresh_token()
    {
        var registered = await RegisterAsync();
        var tokensBefore = await RefreshTokenCountAsync(registered);

        var reply = await service.Client.LoginAsync(new LoginRequest { Phone = registered.Phone, Password = TestRegistrations.Password }).ResponseAsync;

        Assert.NotEmpty(reply.AccessToken);
        Assert.Empty(reply.RefreshToken);
        Assert.Null(reply.RefreshTokenExpiresAt);
        Assert.Equal(tokensBefore, await RefreshTokenCountAsync(registered));
    }

    [Fact]
    public async Task UFR_USER_020_Wrong_password_is_invalid_credentials()
    {
        var registered = await RegisterAsync();

        var problem = await ProblemAssert.FailsAsync(
            service.Client.LoginAsync(new LoginRequest { Phone = registered.Phone, Password = "wrong-pass1!" }).ResponseAsync,
            StatusCode.Unauthenticated, "invalid_credentials");

        Assert.Equal("전화번호 또는 비밀번호를 확인해주세요", problem.Status.Detail);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("not a phone")]
    [InlineData("")]
    public async Task UFR_USER_020_Unknown_or_malformed_phone_reads_exactly_like_a_wrong_password(string? phone)
    {
        var problem = await ProblemAssert.FailsAsync(
            service.Client.LoginAsync(new LoginRequest { Phone = phone ?? TestRegistrations.NewPhone(), Password = TestRegistrations.Password }).ResponseAsync,
            StatusCode.Unauthenticated, "invalid_credentials");

        Assert.Equal("전화번호 또는 비밀번호를 확인해주세요", problem.Status.Detail);
    }

    [Fact]
    public async Task UFR_USER_020_Five_failures_lock_the_phone_even_for_the_right_password()
    {
        var registered = await RegisterAsync();
        for (var attempt = 0; attempt < LoginThrottle.MaxFailures; attempt++)
        {
            await ProblemAssert.FailsAsync(
                service.Client.LoginAsync(new LoginRequest { Phone = registered.Phone, Password = $"wrong{attempt}!" }).ResponseAsync,
                StatusCode.Unauthenticated, "invalid_credentials");
        }

        await ProblemAssert.FailsAsync(
            service.Client.LoginAsync(new LoginRequest { Phone = registered.Phone, Password = TestRegistrations.Password }).ResponseAsync,
            StatusCode.ResourceExhausted, "too_many_attempts");

        // The lock lasts the window and is shared by replicas through Redis; when it ends, signing in works again.
        var key = LoginThrottle.KeyFor(registered.Phone);
        Assert.InRange((await service.Redis.KeyTimeToLiveAsync(key))!.Value, TimeSpan.FromMinutes(14), LoginThrottle.Window);
        await service.Redis.KeyDeleteAsync(key);
        await service.Client.LoginAsync(new LoginRequest { Phone = registered.Phone, Password = TestRegistrations.Password }).ResponseAsync;
    }

    [Fact]
    public async Task UFR_USER_020_A_success_clears_earlier_failures()
    {
        var registered = await RegisterAsync();
        var wrong = new LoginRequest { Phone = registered.Phone, Password = "wrong-pass1!" };
        var right = new LoginRequest { Phone = registered.Phone, Password = TestRegistrations.Password };
        for (var attempt = 0; attempt < LoginThrottle.MaxFailures - 1; attempt++)
        {
            await Assert.ThrowsAsync<RpcException>(() => service.Client.LoginAsync(wrong).ResponseAsync);
        }

        await service.Client.LoginAsync(right).ResponseAsync;
        await Assert.ThrowsAsync<RpcException>(() => service.Client.LoginAsync(wrong).ResponseAsync);

        await service.Client.LoginAsync(right).ResponseAsync;
    }

    private async Task<OwnerProfile> RegisterAsync() =>
        (await service.Client.RegisterAsync(TestRegistrations.Valid()).ResponseAsync).Owner;

    private Task<long> RefreshTokenCountAsync(OwnerProfile owner) =>
        service.CountAsync("SELECT count(*) FROM refresh_tokens WHERE user_id = $1", Guid.Parse(owner.UserId));
}
