using System.Net;
using System.Text.Json;
using KtEvents.Dashboard.Resources;
using KtEvents.Dashboard.Telemetry;
using Microsoft.Extensions.DependencyInjection;

namespace KtEvents.Hosting.Tests.Running;

[Collection(AppHostCollection.Name)]
public sealed class RunModeTests(RunModeFixture fixture) : IClassFixture<RunModeFixture>
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(30) };

    [Fact]
    public void Every_resource_runs_healthy_and_replicas_get_distinct_ports()
    {
        var resources = fixture.App.ResourceService.GetResources();
        Assert.Equal(["postgres", "sampledb", "back-0", "back-1", "front", "cache", "messaging"], resources.Select(r => r.Name));
        Assert.All(resources, r => Assert.Equal(ResourceState.Running, r.State));
        Assert.All(resources, r => Assert.Equal(ResourceHealth.Healthy, r.Health));
        var backPorts = resources.Where(r => r.DisplayName == "back").Select(r => new Uri(r.Endpoints.Single().Url).Port).ToList();
        Assert.Equal(2, backPorts.Distinct().Count());
        Assert.True(resources.Single(r => r.Name == "front").Endpoints.Single().IsExternal);
        // Run from its binary, a server takes a free port, never the image's 5432 the machine's own server may hold.
        Assert.NotEqual(5432, new Uri(resources.Single(r => r.Name == "postgres").Endpoints.Single().Url).Port);
        Assert.False(resources.Single(r => r.Name == "back-0").Endpoints.Single().IsExternal);
    }

    [Fact]
    public async Task A_request_reaches_both_replicas_through_service_discovery_and_the_created_database()
    {
        var front = fixture.App.GetEndpoint("front");
        var instances = new HashSet<string>();
        for (var i = 0; i < 6; i++)
        {
            using var response = await Http.GetAsync(new Uri(front, "/hello"));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            Assert.Equal("sampledb", body.RootElement.GetProperty("database").GetString());
            instances.Add(body.RootElement.GetProperty("instance").GetString()!);
        }
        Assert.Equal(["service.instance.id=back-0", "service.instance.id=back-1"], instances.Order());
    }

    [Fact]
    public async Task One_request_produces_one_trace_with_spans_from_both_services()
    {
        var sent = DateTimeOffset.UtcNow;
        using var response = await Http.GetAsync(new Uri(fixture.App.GetEndpoint("front"), "/hello"));
        response.EnsureSuccessStatusCode();
        var store = fixture.App.Services.GetRequiredService<TelemetryStore>();

        // The services export every second; give them a few.
        TraceSummary? trace = null;
        for (var attempt = 0; attempt < 100 && trace is null; attempt++)
        {
            trace = store.ListTraces().FirstOrDefault(t => t.Start >= sent.AddSeconds(-1) && t.RootService == "front"
                && t.RootName.Contains("/hello", StringComparison.Ordinal) && t.Services.Contains("back")
                // Each process exports on its own schedule: until front's client span arrives, back's
                // server span has no parent in the store and shows as a second root.
                && store.GetTrace(t.TraceId)!.Spans.Count(s => s.Depth == 0) == 1);
            if (trace is null)
            {
                await Task.Delay(200);
            }
        }
        Assert.True(trace is not null, "No trace from front to back; received: "
            + string.Join("; ", store.ListTraces().Select(t => $"{t.RootService} '{t.RootName}' [{string.Join(',', t.Services)}] {t.Start:HH:mm:ss.fff}")));
        var spans = store.GetTrace(trace.TraceId)!.Spans;
        var root = spans.Single(s => s.Depth == 0);
        Assert.Equal("front", root.Span.ServiceName);
        // front's server span → its HttpClient span → back's server span → back's Npgsql span.
        Assert.Contains(spans, s => s.Span.ServiceName == "back" && s.Depth >= 2);
        Assert.True(spans.Select(s => s.Span.ServiceName).Distinct().Count() >= 2);
    }

    [Fact]
    public async Task A_killed_process_is_restarted_and_the_restart_is_shown()
    {
        var before = fixture.App.ResourceService.GetResources().Single(r => r.Name == "back-1");
        Assert.NotNull(before.ProcessId);

        Processes.NativeMethods.Kill(-before.ProcessId!.Value, Processes.NativeMethods.SigKill);

        ResourceSnapshot? after = null;
        for (var attempt = 0; attempt < 300; attempt++)
        {
            after = fixture.App.ResourceService.GetResources().Single(r => r.Name == "back-1");
            if (after.Restarts > before.Restarts && after is { State: ResourceState.Running, Health: ResourceHealth.Healthy })
            {
                break;
            }
            await Task.Delay(100);
        }
        Assert.NotNull(after);
        Assert.Equal(before.Restarts + 1, after.Restarts);
        Assert.Equal(ResourceState.Running, after.State);
        Assert.Equal(ResourceHealth.Healthy, after.Health);
        Assert.NotEqual(before.ProcessId, after.ProcessId);
        Assert.Equal(137, after.ExitCode);
        Assert.Equal(before.Endpoints, after.Endpoints);
    }

    [Fact]
    public async Task The_restart_action_replaces_the_process_at_once()
    {
        var before = fixture.App.ResourceService.GetResources().Single(r => r.Name == "back-0");
        Assert.True(await fixture.App.ResourceService.RestartAsync("back-0", CancellationToken.None));
        Assert.False(await fixture.App.ResourceService.RestartAsync("no-such-resource", CancellationToken.None));

        ResourceSnapshot? after = null;
        for (var attempt = 0; attempt < 300; attempt++)
        {
            after = fixture.App.ResourceService.GetResources().Single(r => r.Name == "back-0");
            if (after.Restarts > before.Restarts && after.Health == ResourceHealth.Healthy)
            {
                break;
            }
            await Task.Delay(100);
        }
        Assert.NotNull(after);
        Assert.True(after.Restarts > before.Restarts);
        Assert.NotEqual(before.ProcessId, after.ProcessId);
        Assert.Equal(ResourceHealth.Healthy, after.Health);
    }

    [Fact]
    public void Console_output_of_each_process_reaches_the_dashboard()
    {
        var console = fixture.App.Services.GetRequiredService<ConsoleLogStore>();
        Assert.Contains(console.Read("front"), line => line.Text.Contains("Now listening on", StringComparison.Ordinal));
        Assert.NotEmpty(console.Read("postgres").Concat(console.Read("messaging")));
    }
}
