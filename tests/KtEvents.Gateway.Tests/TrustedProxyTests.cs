using System.Net;

using KtEvents.Testing;

namespace KtEvents.Gateway.Tests;

/// <summary>
/// The public routes are limited per client address. Behind the Container Apps ingress that address
/// comes from <c>X-Forwarded-For</c>, believed only when a trusted proxy sent it.
/// </summary>
public sealed class TrustedProxyTests
{
    private const int PublicPerMinute = 2;

    [Fact]
    public async Task UFR_PART_010_customers_behind_a_trusted_proxy_are_limited_one_by_one()
    {
        // The test calls from loopback, which is trusted when no proxies are configured.
        await using var gateway = await StartGatewayAsync(new Dictionary<string, string?>());
        using var http = new HttpClient { BaseAddress = gateway.Address };

        var first = await StatusesAsync(http, "203.0.113.10", PublicPerMinute + 1);
        var second = await StatusesAsync(http, "203.0.113.20", 1);

        Assert.Equal(HttpStatusCode.TooManyRequests, first[^1]);
        Assert.All(first[..^1], status => Assert.Equal(HttpStatusCode.BadRequest, status));
        Assert.Equal(HttpStatusCode.BadRequest, second.Single());
    }

    [Fact]
    public async Task UFR_PART_010_a_forwarded_address_from_an_untrusted_hop_is_ignored()
    {
        // Only 10.0.0.0/16 is trusted, so loopback's X-Forwarded-For cannot spread one caller over many buckets.
        await using var gateway = await StartGatewayAsync(new Dictionary<string, string?> { ["TrustedProxies:Networks:0"] = "10.0.0.0/16" });
        using var http = new HttpClient { BaseAddress = gateway.Address };

        var statuses = new List<HttpStatusCode>();
        for (var i = 1; i <= PublicPerMinute + 1; i++)
        {
            statuses.AddRange(await StatusesAsync(http, $"203.0.113.{i}", 1));
        }

        Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.BadRequest, PublicPerMinute), HttpStatusCode.TooManyRequests], statuses);
    }

    [Fact]
    public async Task A_trusted_network_that_is_not_a_CIDR_range_stops_the_gateway_at_start()
    {
        var failure = await Assert.ThrowsAnyAsync<Exception>(() =>
            StartGatewayAsync(new Dictionary<string, string?> { ["TrustedProxies:Networks:0"] = "10.0.0.0/99" }));

        Assert.Contains("10.0.0.0/99", failure.ToString());
    }

    private static async Task<List<HttpStatusCode>> StatusesAsync(HttpClient http, string forwardedFor, int count)
    {
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < count; i++)
        {
            // A body that is not JSON: answered 400 by the gateway itself once the limiter lets it in.
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/public/events/{Guid.CreateVersion7()}/entries")
            {
                Content = new StringContent("{", System.Text.Encoding.UTF8, "application/json"),
            };
            request.Headers.Add("X-Forwarded-For", forwardedFor);
            using var response = await http.SendAsync(request);
            statuses.Add(response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
        return statuses;
    }

    private static async Task<RunningGateway> StartGatewayAsync(IReadOnlyDictionary<string, string?> extra)
    {
        var redis = await SharedServers.RedisAsync();
        var identity = await TestIdentity.StartAsync();
        var settings = new Dictionary<string, string?>(identity.Configuration)
        {
            ["ConnectionStrings:cache"] = redis.ConnectionString,
            ["RateLimits:PublicPerMinute"] = PublicPerMinute.ToString(),
        };
        foreach (var (key, value) in extra)
        {
            settings[key] = value;
        }
        var factory = new ServiceFactory<Program>(settings);
        try
        {
            // The gateway serves HTTP/1.1 to browsers, unlike the gRPC services.
            return new RunningGateway(factory, factory.StartOnLoopback(), identity);
        }
        catch
        {
            await factory.DisposeAsync();
            await identity.DisposeAsync();
            throw;
        }
    }

    private sealed record RunningGateway(ServiceFactory<Program> Factory, Uri Address, TestIdentity Identity) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await Factory.DisposeAsync();
            await Identity.DisposeAsync();
        }
    }
}
