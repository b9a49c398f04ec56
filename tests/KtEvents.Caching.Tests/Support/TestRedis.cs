using KtEvents.Testing;

namespace KtEvents.Caching.Tests.Support;

/// <summary>Connections to the fixture's redis-server, and keys no other test uses.</summary>
internal static class TestRedis
{
    /// <summary>A multiplexer on the shared server; admin mode so tests can inspect with CLIENT and CONFIG.</summary>
    public static async Task<ConnectionMultiplexer> ConnectSharedAsync(string options = "")
    {
        var server = await SharedServers.RedisAsync();
        return await ConnectAsync(server, options);
    }

    public static Task<ConnectionMultiplexer> ConnectAsync(RedisServer server, string options = "") =>
        ConnectionMultiplexer.ConnectAsync($"{server.ConnectionString},allowAdmin=true{options}");

    public static string Key(string name) => $"test:{name}:{Guid.NewGuid():N}";
}
