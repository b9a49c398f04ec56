using KtEvents.Caching.Tests.Support;
using KtEvents.Testing;

using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;

namespace KtEvents.Caching.Tests.Hosting;

public sealed class HealthCheckTests
{
    [Fact]
    public async Task HealthyWhileRedisAnswersAndUnhealthyWhileItIsDown()
    {
        await using var server = await RedisServer.StartNewAsync();
        var builder = TestHosts.Builder(("ConnectionStrings:cache", server.ConnectionString));
        builder.AddRedisClient("cache");
        using var host = builder.Build();
        await host.StartAsync();
        var health = host.Services.GetRequiredService<HealthCheckService>();

        Assert.Equal(HealthStatus.Healthy, (await health.CheckHealthAsync()).Entries["cache"].Status);

        await server.StopAsync();
        var down = await health.CheckHealthAsync().WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(HealthStatus.Unhealthy, down.Entries["cache"].Status);
        Assert.IsType<RedisConnectionException>(down.Entries["cache"].Exception);

        await server.StartAsync();
        await Poll.UntilAsync(async () => (await health.CheckHealthAsync()).Entries["cache"].Status == HealthStatus.Healthy,
            TimeSpan.FromSeconds(5), "healthy again after the server returns");
        await host.StopAsync();
    }
}
