using KtEvents.Dashboard.Tests.Infrastructure;

namespace KtEvents.Dashboard.Tests;

/// <summary>A dashboard hosted without an orchestrator still serves its pages and says why there are no resources.</summary>
public sealed class ResourcesWithoutOrchestratorTests : IAsyncLifetime
{
    private DashboardTestServer server = null!;

    public async Task InitializeAsync() => server = await DashboardTestServer.StartAsync();

    public async Task DisposeAsync() => await server.DisposeAsync();

    [Fact]
    public async Task The_resources_page_says_no_orchestrator_and_the_console_lists_what_wrote_lines()
    {
        using var browser = await server.SignedInBrowserAsync();
        server.ConsoleLogs.Append("worker", "started", isError: false);

        var resources = await browser.GetStringAsync("/");
        using var console = await browser.GetAsync("/console");
        using var restart = await browser.PostAsync("/resources/worker/restart", null);

        Assert.Contains("No orchestrator is registered", resources);
        Assert.Equal("/console/worker", console.Headers.Location!.OriginalString);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, restart.StatusCode);
    }
}
