using System.Net;

using KtEvents.ServiceDefaults.Tests.Infrastructure;

using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace KtEvents.ServiceDefaults.Tests.Health;

public sealed class HealthEndpointTests
{
    [Fact]
    public async Task Health_and_alive_answer_in_Production()
    {
        await using var app = await StartAsync();
        using var client = app.CreateClient();

        using var health = await client.GetAsync("/health");
        using var alive = await client.GetAsync("/alive");

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal("Healthy", await health.Content.ReadAsStringAsync());
        Assert.Equal("text/plain", health.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.OK, alive.StatusCode);
        Assert.Equal("Healthy", await alive.Content.ReadAsStringAsync());
        Assert.Equal("Production", app.App.Environment.EnvironmentName);
    }

    [Fact]
    public async Task Failing_readiness_check_makes_health_503_while_alive_stays_200()
    {
        await using var app = await StartAsync(services => services.AddHealthChecks()
            .AddCheck("eventdb", () => HealthCheckResult.Unhealthy("connection to db-secret-host:5432 refused")));
        using var client = app.CreateClient();

        using var health = await client.GetAsync("/health");
        using var alive = await client.GetAsync("/alive");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
        var body = await health.Content.ReadAsStringAsync();
        Assert.Equal("Unhealthy", body);
        Assert.DoesNotContain("db-secret-host", body, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, alive.StatusCode);
    }

    [Fact]
    public async Task Failing_live_check_makes_alive_503()
    {
        await using var app = await StartAsync(services => services.AddHealthChecks()
            .AddCheck("deadlock", () => HealthCheckResult.Unhealthy(), ["live"]));
        using var client = app.CreateClient();

        using var alive = await client.GetAsync("/alive");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, alive.StatusCode);
    }

    private static Task<RunningApp> StartAsync(Action<IServiceCollection>? configure = null) => RunningApp.StartAsync(
        app => app.MapDefaultEndpoints(),
        builder =>
        {
            builder.AddServiceDefaults();
            configure?.Invoke(builder.Services);
        });
}
