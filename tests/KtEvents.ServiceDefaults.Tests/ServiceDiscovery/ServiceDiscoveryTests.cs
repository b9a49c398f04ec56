using System.Net;

using KtEvents.ServiceDefaults.ServiceDiscovery;
using KtEvents.ServiceDefaults.Tests.Infrastructure;

using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace KtEvents.ServiceDefaults.Tests.ServiceDiscovery;

public sealed class ServiceDiscoveryTests : IAsyncLifetime
{
    private RunningApp _replicaA = null!;
    private RunningApp _replicaB = null!;

    public async Task InitializeAsync()
    {
        _replicaA = await StartReplicaAsync("A");
        _replicaB = await StartReplicaAsync("B");
    }

    public async Task DisposeAsync()
    {
        await _replicaA.DisposeAsync();
        await _replicaB.DisposeAsync();
    }

    [Fact]
    public async Task Service_name_in_the_base_address_resolves_to_the_configured_endpoint()
    {
        using var host = await StartClientAsync(new() { ["services:event:http:0"] = _replicaA.BaseAddress.ToString() });
        using var client = CreateClient(host, "http://event");

        using var response = await client.GetAsync("/who?x=1");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("A /who?x=1", await response.Content.ReadAsStringAsync());
        // The caller still sees the URI it asked for.
        Assert.Equal(new Uri("http://event/who?x=1"), response.RequestMessage?.RequestUri);
    }

    [Fact]
    public async Task Two_endpoints_are_used_in_turn()
    {
        using var host = await StartClientAsync(new()
        {
            ["services:event:http:0"] = _replicaA.BaseAddress.ToString(),
            ["services:event:http:1"] = _replicaB.BaseAddress.ToString(),
        });
        using var client = CreateClient(host, "http://event");

        var answers = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            answers.Add((await client.GetStringAsync("/who")).Split(' ')[0]);
        }

        Assert.Equal(["A", "B", "A", "B"], answers);
    }

    [Fact]
    public async Task Https_plus_http_falls_back_to_the_http_endpoint()
    {
        using var host = await StartClientAsync(new() { ["services:event:http:0"] = _replicaB.BaseAddress.ToString() });
        using var client = CreateClient(host, "https+http://event");

        Assert.Equal("B /who", await client.GetStringAsync("/who"));
    }

    [Fact]
    public async Task Aspire_environment_variables_configure_the_endpoint()
    {
        // A prefix keeps this process-wide variable from reaching any other test's configuration.
        var prefix = $"KTTEST{Guid.NewGuid():N}_";
        Environment.SetEnvironmentVariable($"{prefix}services__event__http__0", _replicaA.BaseAddress.ToString());
        try
        {
            using var host = await StartClientAsync(new(), builder => builder.Configuration.AddEnvironmentVariables(prefix));
            using var client = CreateClient(host, "http://event");

            Assert.Equal("A /who", await client.GetStringAsync("/who"));
        }
        finally
        {
            Environment.SetEnvironmentVariable($"{prefix}services__event__http__0", null);
        }
    }

    [Fact]
    public async Task Unknown_service_name_fails_with_a_clear_exception_and_no_dns_lookup()
    {
        using var host = await StartClientAsync(new() { ["services:event:http:0"] = _replicaA.BaseAddress.ToString() });
        using var client = CreateClient(host, "http://analytics");

        var failure = await Assert.ThrowsAsync<ServiceEndpointNotFoundException>(() => client.GetAsync("/who"));

        Assert.Equal("analytics", failure.ServiceName);
        Assert.Contains("services__analytics__http__0", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Service_configured_only_for_https_is_not_found_for_http()
    {
        using var host = await StartClientAsync(new() { ["services:event:https:0"] = "https://127.0.0.1:1" });
        using var client = CreateClient(host, "http://event");

        await Assert.ThrowsAsync<ServiceEndpointNotFoundException>(() => client.GetAsync("/who"));
    }

    [Fact]
    public async Task Ordinary_addresses_pass_through_unchanged()
    {
        using var host = await StartClientAsync(new() { ["services:event:http:0"] = _replicaA.BaseAddress.ToString() });
        using var client = CreateClient(host, _replicaB.BaseAddress.ToString());

        Assert.Equal("B /who", await client.GetStringAsync("/who"));
    }

    [Fact]
    public async Task Resolver_serves_callers_that_do_not_use_HttpClient()
    {
        using var host = await StartClientAsync(new()
        {
            ["services:event:http:1"] = "http://10.0.0.2:5002",
            ["services:event:http:0"] = "http://10.0.0.1:5001",
            ["services:event:https:0"] = "https://10.0.0.1:7001",
        });
        var resolver = host.Services.GetRequiredService<ServiceEndpointResolver>();

        Assert.Equal([new Uri("http://10.0.0.1:5001"), new Uri("http://10.0.0.2:5002")], resolver.GetEndpoints("event", "http"));
        Assert.Equal(new Uri("https://10.0.0.1:7001/a/b?c=%20d"), resolver.Resolve(new Uri("https+http://event/a/b?c=%20d")));
        Assert.Empty(resolver.GetEndpoints("user", "http"));
        var external = new Uri("https://api.anthropic.com/v1/messages");
        Assert.Same(external, resolver.Resolve(external));
    }

    [Fact]
    public async Task Endpoint_that_is_not_a_uri_is_reported_with_its_key()
    {
        using var host = await StartClientAsync(new() { ["services:event:http:0"] = "localhost-5001" });
        var resolver = host.Services.GetRequiredService<ServiceEndpointResolver>();

        var failure = Assert.Throws<InvalidOperationException>(() => resolver.Resolve(new Uri("http://event/")));

        Assert.Contains("services:event:http:0", failure.Message, StringComparison.Ordinal);
    }

    private static Task<RunningApp> StartReplicaAsync(string name) => RunningApp.StartAsync(app =>
        app.MapGet("/who", (HttpRequest request) => $"{name} {request.Path}{request.QueryString}"));

    private static Task<IHost> StartClientAsync(Dictionary<string, string?> configuration, Action<HostApplicationBuilder>? configure = null) =>
        ClientHost.StartAsync(configuration, builder =>
        {
            configure?.Invoke(builder);
            builder.AddServiceDefaults();
        });

    private static HttpClient CreateClient(IHost host, string baseAddress)
    {
        var client = host.Services.GetRequiredService<IHttpClientFactory>().CreateClient();
        client.BaseAddress = new Uri(baseAddress);
        return client;
    }
}
