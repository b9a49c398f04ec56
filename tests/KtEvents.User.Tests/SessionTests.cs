using KtEvents.Contracts.User.V1;
using KtEvents.Rpc;
using KtEvents.Testing;
using KtEvents.User.Authentication;
using KtEvents.User.Tests.Infrastructure;

namespace KtEvents.User.Tests;

/// <summary>Refresh-token rotation, sign-out (UFR-USER-040) and the profile behind a token.</summary>
[Collection(UserServiceCollection.Name)]
public sealed class SessionTests(UserServiceFixture service)
{
    [Fact]
    public async Task Refresh_rotates_the_token_and_the_old_one_stops_working()
    {
        var session = await service.Client.RegisterAsync(TestRegistrations.Valid()).ResponseAsync;

        var refreshed = await service.Client.RefreshAsync(new RefreshRequest { RefreshToken = session.RefreshToken }).ResponseAsync;

        Assert.NotEqual(session.RefreshToken, refreshed.RefreshToken);
        Assert.NotEqual(session.AccessToken, refreshed.AccessToken);
        Assert.Equal(session.Owner, refreshed.Owner);
        await service.Client.GetProfileAsync(new GetProfileRequest(), UserServiceFixture.WithToken(refreshed.AccessToken)).ResponseAsync;
        await ProblemAssert.FailsAsync(
            service.Client.RefreshAsync(new RefreshRequest { RefreshToken = session.RefreshToken }).ResponseAsync,
            StatusCode.Unauthenticated, "refresh_token_invalid");
    }

    [Fact]
    public async Task Refresh_with_a_rotated_token_revokes_its_whole_family()
    {
        var session = await service.Client.RegisterAsync(TestRegistrations.Valid()).ResponseAsync;
        var refreshed = await service.Client.RefreshAsync(new RefreshRequest { RefreshToken = session.RefreshToken }).ResponseAsync;

        // A stolen copy of the first token comes back: neither it nor the legitimate successor works any more.
        await ProblemAssert.FailsAsync(
            service.Client.RefreshAsync(new RefreshRequest { RefreshToken = session.RefreshToken }).ResponseAsync,
            StatusCode.Unauthenticated, "refresh_token_invalid");
        await ProblemAssert.FailsAsync(
            service.Client.RefreshAsync(new RefreshRequest { RefreshToken = refreshed.RefreshToken }).ResponseAsync,
            StatusCode.Unauthenticated, "refresh_token_invalid");
        Assert.Equal(0, await service.CountAsync(
            "SELECT count(*) FROM refresh_tokens WHERE user_id = $1 AND revoked_at IS NULL", Guid.Parse(session.Owner.UserId)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("made-up-token")]
    public async Task Refresh_with_an_unknown_token_is_refresh_token_invalid(string token) =>
        await ProblemAssert.FailsAsync(
            service.Client.RefreshAsync(new RefreshRequest { RefreshToken = token }).ResponseAsync,
            StatusCode.Unauthenticated, "refresh_token_invalid");

    [Fact]
    public async Task UFR_USER_040_Sign_out_revokes_the_refresh_token_and_denylists_the_access_token_until_it_expires()
    {
        var session = await service.Client.RegisterAsync(TestRegistrations.Valid()).ResponseAsync;
        var jti = Jwt.ReadClaim(session.AccessToken, "jti");

        await service.Client.LogoutAsync(new LogoutRequest { RefreshToken = session.RefreshToken }, UserServiceFixture.WithToken(session.AccessToken)).ResponseAsync;

        // The gateway's contract: kt:auth:revoked:{jti} exists until the token would have expired.
        var ttl = await service.Redis.KeyTimeToLiveAsync(AccessTokenDenylist.KeyFor(jti));
        Assert.NotNull(ttl);
        Assert.InRange(ttl.Value, TimeSpan.FromMinutes(14), TimeSpan.FromMinutes(15) + TimeSpan.FromSeconds(2));
        await ProblemAssert.FailsAsync(
            service.Client.RefreshAsync(new RefreshRequest { RefreshToken = session.RefreshToken }).ResponseAsync,
            StatusCode.Unauthenticated, "refresh_token_invalid");
        var afterLogout = await Assert.ThrowsAsync<RpcException>(() =>
            service.Client.GetProfileAsync(new GetProfileRequest(), UserServiceFixture.WithToken(session.AccessToken)).ResponseAsync);
        Assert.Equal(StatusCode.Unauthenticated, afterLogout.StatusCode);
    }

    [Fact]
    public async Task UFR_USER_040_Sign_out_cannot_revoke_another_owners_refresh_token()
    {
        var mine = await service.Client.RegisterAsync(TestRegistrations.Valid()).ResponseAsync;
        var theirs = await service.Client.RegisterAsync(TestRegistrations.Valid()).ResponseAsync;

        await service.Client.LogoutAsync(new LogoutRequest { RefreshToken = theirs.RefreshToken }, UserServiceFixture.WithToken(mine.AccessToken)).ResponseAsync;

        await service.Client.RefreshAsync(new RefreshRequest { RefreshToken = theirs.RefreshToken }).ResponseAsync;
    }

    [Fact]
    public async Task UFR_USER_040_Sign_out_needs_a_token()
    {
        var exception = await Assert.ThrowsAsync<RpcException>(() => service.Client.LogoutAsync(new LogoutRequest()).ResponseAsync);
        Assert.Equal(StatusCode.Unauthenticated, exception.StatusCode);
    }

    [Fact]
    public async Task Profile_needs_a_token()
    {
        var exception = await Assert.ThrowsAsync<RpcException>(() => service.Client.GetProfileAsync(new GetProfileRequest()).ResponseAsync);
        Assert.Equal(StatusCode.Unauthenticated, exception.StatusCode);
    }

    [Fact]
    public async Task Profile_refuses_a_token_with_a_tampered_signature()
    {
        var session = await service.Client.RegisterAsync(TestRegistrations.Valid()).ResponseAsync;
        var token = session.AccessToken;
        // A character well inside the signature: the encoding stays canonical, the signature does not verify.
        var at = token.Length - 10;
        var tampered = token[..at] + (token[at] == 'A' ? 'B' : 'A') + token[(at + 1)..];

        var exception = await Assert.ThrowsAsync<RpcException>(() =>
            service.Client.GetProfileAsync(new GetProfileRequest(), UserServiceFixture.WithToken(tampered)).ResponseAsync);
        Assert.Equal(StatusCode.Unauthenticated, exception.StatusCode);
    }

    [Fact]
    public async Task Profile_refuses_a_token_signed_with_another_key()
    {
        await using var stranger = await TestIdentity.StartAsync();
        var session = await service.Client.RegisterAsync(TestRegistrations.Valid()).ResponseAsync;
        var forged = stranger.CreateAccessToken(Guid.Parse(session.Owner.UserId), Guid.Parse(session.Owner.Store.StoreId));

        var exception = await Assert.ThrowsAsync<RpcException>(() =>
            service.Client.GetProfileAsync(new GetProfileRequest(), UserServiceFixture.WithToken(forged)).ResponseAsync);
        Assert.Equal(StatusCode.Unauthenticated, exception.StatusCode);
    }

    [Fact]
    public async Task Profile_is_the_signed_in_owner_and_their_store()
    {
        var session = await service.Client.RegisterAsync(TestRegistrations.Valid()).ResponseAsync;
        await service.Client.RegisterAsync(TestRegistrations.Valid()).ResponseAsync;

        var profile = await service.Client.GetProfileAsync(new GetProfileRequest(), UserServiceFixture.WithToken(session.AccessToken)).ResponseAsync;

        Assert.Equal(session.Owner, profile);
    }
}
