using Xunit;

namespace KtEvents.Caching.Tests.Support;

/// <summary>
/// A class fixture for command tests: one multiplexer on the shared redis-server per test class.
/// Tests keep apart by using keys from <see cref="TestRedis.Key"/>.
/// </summary>
public sealed class SharedRedisConnection : IAsyncLifetime
{
    private ConnectionMultiplexer? redis;

    public IDatabase Database => (redis ?? throw new InvalidOperationException("Not connected yet.")).GetDatabase();

    public async Task InitializeAsync() => redis = await TestRedis.ConnectSharedAsync();

    public async Task DisposeAsync()
    {
        if (redis is not null)
        {
            await redis.DisposeAsync();
        }
    }
}
