using System.Diagnostics;

using KtEvents.Caching.Tests.Support;
using KtEvents.Testing;

using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace KtEvents.Caching.Tests.Hosting;

public sealed class AddRedisClientTests
{
    [Fact]
    public async Task RegistersOneSharedMultiplexerFromConnectionStrings()
    {
        var server = await SharedServers.RedisAsync();
        var builder = TestHosts.Builder(("ConnectionStrings:cache", server.ConnectionString));
        builder.AddRedisClient("cache");
        using var host = builder.Build();
        await host.StartAsync();

        var redis = host.Services.GetRequiredService<IConnectionMultiplexer>();
        Assert.Same(redis, host.Services.GetRequiredService<IConnectionMultiplexer>());
        var key = TestRedis.Key("hosted");
        await redis.GetDatabase().StringSetAsync(key, "v");
        Assert.Equal("v", (string?)await redis.GetDatabase().StringGetAsync(key));
        await host.StopAsync();
    }

    [Fact]
    public void AddsAHealthCheckNamedAfterTheConnectionTaggedReady()
    {
        var builder = TestHosts.Builder(("ConnectionStrings:cache", "localhost:6379"));
        builder.AddRedisClient("cache");
        using var host = builder.Build();

        var registrations = host.Services.GetRequiredService<IOptions<HealthCheckServiceOptions>>().Value.Registrations;
        var check = Assert.Single(registrations, registration => registration.Name == "cache");
        Assert.Contains("ready", check.Tags);
    }

    [Fact]
    public async Task TheAspireSettingsSectionIsUsedWhenConnectionStringsHasNoEntry()
    {
        var server = await SharedServers.RedisAsync();
        var builder = TestHosts.Builder(("Aspire:StackExchange:Redis:ConnectionString", server.ConnectionString));
        builder.AddRedisClient("cache");
        using var host = builder.Build();
        await host.StartAsync();
        Assert.True(await host.Services.GetRequiredService<IConnectionMultiplexer>().GetDatabase().PingAsync() >= TimeSpan.Zero);
        await host.StopAsync();
    }

    [Fact]
    public async Task MissingConnectionStringStopsTheHostAtStartSayingWhatToSet()
    {
        var builder = TestHosts.Builder();
        builder.AddRedisClient("cache");
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());
        Assert.Contains("ConnectionStrings:cache", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("localhost:notaport,password=TopSecret1", "port")]
    [InlineData("localhost:6379,password=TopSecret1,ssl=true", "ssl=true")]
    [InlineData("localhost:6379,password=TopSecret1,retries=3", "'retries'")]
    public async Task UnusableConnectionStringStopsTheHostAtStartWithoutShowingThePassword(string connectionString, string reason)
    {
        var builder = TestHosts.Builder(("ConnectionStrings:cache", connectionString));
        builder.AddRedisClient("cache");
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());
        Assert.Contains("ConnectionStrings:cache", error.Message, StringComparison.Ordinal);
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("TopSecret1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DisableTracingTurnsTheSpansOff()
    {
        var server = await SharedServers.RedisAsync();
        var builder = TestHosts.Builder(
            ("ConnectionStrings:cache", server.ConnectionString),
            ("Aspire:StackExchange:Redis:DisableTracing", "true"));
        builder.AddRedisClient("cache");
        using var host = builder.Build();
        using var spans = new SpanCollector();
        using var parent = new Activity("disabled-tracing-test").Start();

        await host.Services.GetRequiredService<IConnectionMultiplexer>().GetDatabase().PingAsync();

        Assert.DoesNotContain(spans.Stopped, span => span.ParentId == parent.Id);
    }
}
