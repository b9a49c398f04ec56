using System.Net;
using KtEvents.Dashboard.Resources;
using KtEvents.Dashboard.Tests.Infrastructure;

namespace KtEvents.Dashboard.Tests;

/// <summary>The Resources page shows what the orchestrator reports and asks it for restarts, only from the dashboard itself.</summary>
public sealed class ResourcesPageTests : IAsyncLifetime
{
    private readonly FakeResourceService orchestrator = new(
        FakeResourceService.Running("event-0", "Project", new ResourceUrl("http", "http://localhost:5123", IsExternal: false)),
        FakeResourceService.Running("cache", "Redis", new ResourceUrl("tcp", "tcp://localhost:6379", IsExternal: false)),
        new ResourceSnapshot("<script>alert(1)</script>", "x", "Project", ResourceState.FailedToStart, null, [], 3, null, null, 1, "build failed: <b>CS1002</b>"),
        FakeResourceService.Running("js", "NpmApp", new ResourceUrl("http", "javascript:alert(1)", IsExternal: true)));

    private DashboardTestServer server = null!;

    public async Task InitializeAsync() => server = await DashboardTestServer.StartAsync(resources: orchestrator);

    public async Task DisposeAsync() => await server.DisposeAsync();

    [Fact]
    public async Task Every_resource_is_a_row_with_its_state_and_http_endpoints_as_links()
    {
        using var browser = await server.SignedInBrowserAsync();

        var html = await browser.GetStringAsync("/");

        Assert.Contains("""<a href="/console/event-0" title="Console output">event-0</a>""", html);
        Assert.Contains("""<a href="http://localhost:5123/" target="_blank" rel="noopener noreferrer" title="http">http://localhost:5123</a>""", html);
        Assert.Contains("""<code title="tcp">tcp://localhost:6379</code>""", html);
        Assert.Contains("""<span class="badge ok">Running</span>""", html);
        Assert.Contains("""<span class="badge err">Failed to start</span>""", html);
        Assert.Contains("""<td class="num">4242</td>""", html);
        Assert.Contains("""<form class="inline" method="post" action="/resources/cache/restart">""", html);
        Assert.Contains("""data-refresh="/resources/rows" """.TrimEnd(), html);
    }

    [Fact]
    public async Task Names_messages_and_urls_are_encoded_never_markup()
    {
        using var browser = await server.SignedInBrowserAsync();

        var html = await browser.GetStringAsync("/");
        var rows = await browser.GetStringAsync("/resources/rows");

        foreach (var page in new[] { html, rows })
        {
            Assert.DoesNotContain("<script>alert", page, StringComparison.Ordinal);
            Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", page);
            Assert.Contains("build failed: &lt;b&gt;CS1002&lt;/b&gt;", page);
            Assert.DoesNotContain("href=\"javascript:", page, StringComparison.Ordinal);
            Assert.Contains("/resources/%3Cscript%3Ealert%281%29%3C%2Fscript%3E/restart", page);
        }
    }

    [Fact]
    public async Task Restart_from_the_page_asks_the_orchestrator_and_goes_back_to_the_list()
    {
        using var browser = await server.SignedInBrowserAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/resources/event-0/restart");
        request.Headers.Add("Origin", server.Address.GetLeftPart(UriPartial.Authority));
        request.Headers.Add("Sec-Fetch-Site", "same-origin");

        using var response = await browser.SendAsync(request);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.OriginalString);
        Assert.Equal(["event-0"], orchestrator.Restarted);
    }

    [Fact]
    public async Task Restart_of_an_unknown_resource_is_a_404_page()
    {
        using var browser = await server.SignedInBrowserAsync();

        using var response = await browser.PostAsync("/resources/nope/restart", null);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("There is no resource named &#x27;nope&#x27; to restart.", await response.Content.ReadAsStringAsync());
        Assert.Empty(orchestrator.Restarted);
    }

    [Fact]
    public async Task Restart_without_the_cookie_is_unauthorized()
    {
        using var browser = server.Browser();

        using var response = await browser.PostAsync("/resources/event-0/restart", null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(orchestrator.Restarted);
    }

    [Theory]
    [InlineData("Sec-Fetch-Site", "cross-site")]
    [InlineData("Sec-Fetch-Site", "same-site")]
    [InlineData("Origin", "http://evil.example")]
    [InlineData("Origin", "null")]
    public async Task Restart_from_another_site_is_forbidden_even_with_the_cookie(string header, string value)
    {
        using var browser = await server.SignedInBrowserAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/resources/event-0/restart");
        request.Headers.Add(header, value);

        using var response = await browser.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Empty(orchestrator.Restarted);
    }
}
