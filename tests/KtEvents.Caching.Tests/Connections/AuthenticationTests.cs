using KtEvents.Caching.Tests.Support;
using KtEvents.Testing;

namespace KtEvents.Caching.Tests.Connections;

public sealed class AuthenticationTests : IAsyncLifetime
{
    private const string Password = "s3cret=with;symbols!";

    private RedisServer server = null!;

    public async Task InitializeAsync()
    {
        server = await RedisServer.StartNewAsync();
        await using var admin = await TestRedis.ConnectAsync(server);
        await admin.GetDatabase().ExecuteAsync("CONFIG", "SET", "requirepass", Password);
    }

    public Task DisposeAsync() => server.DisposeAsync().AsTask();

    [Fact]
    public async Task PasswordIsSentAndSentAgainAfterTheConnectionIsKilled()
    {
        await using var redis = await TestRedis.ConnectAsync(server, $",password={Password}");
        await using var killer = await TestRedis.ConnectAsync(server, $",password={Password}");
        var db = redis.GetDatabase();
        await db.StringSetAsync("k", "v");
        var id = (long)await db.ExecuteAsync("CLIENT", "ID");

        Assert.Equal(1, (long)await killer.GetDatabase().ExecuteAsync("CLIENT", "KILL", "ID", id));

        await Poll.UntilSucceedsAsync(async () => (long)await db.ExecuteAsync("CLIENT", "ID") != id, TimeSpan.FromSeconds(5), "a new, authenticated connection");
        Assert.Equal("v", (string?)await db.StringGetAsync("k"));
    }

    [Fact]
    public async Task WrongPasswordIsAnAuthenticationFailureThatDoesNotRepeatThePassword()
    {
        var error = await Assert.ThrowsAsync<RedisConnectionException>(() => TestRedis.ConnectAsync(server, ",password=not-the-password"));
        Assert.Equal(ConnectionFailureType.AuthenticationFailure, error.FailureType);
        Assert.DoesNotContain("not-the-password", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MissingPasswordIsAnAuthenticationFailure()
    {
        var error = await Assert.ThrowsAsync<RedisConnectionException>(() => TestRedis.ConnectAsync(server));
        Assert.Equal(ConnectionFailureType.AuthenticationFailure, error.FailureType);
        Assert.Contains("NOAUTH", error.Message, StringComparison.Ordinal);
    }
}
