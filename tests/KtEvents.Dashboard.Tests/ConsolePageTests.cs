using System.Net;
using System.Text.Json;
using KtEvents.Dashboard.Resources;
using KtEvents.Dashboard.Tests.Infrastructure;

namespace KtEvents.Dashboard.Tests;

/// <summary>The Console page: a resource's last lines, a filter, and new lines over server-sent events.</summary>
public sealed class ConsolePageTests : IAsyncLifetime
{
    private readonly FakeResourceService orchestrator = new(FakeResourceService.Running("event-0", "Project"), FakeResourceService.Running("cache", "Redis"));
    private DashboardTestServer server = null!;

    public async Task InitializeAsync() => server = await DashboardTestServer.StartAsync(resources: orchestrator);

    public async Task DisposeAsync() => await server.DisposeAsync();

    [Fact]
    public async Task The_page_shows_the_last_lines_with_stderr_marked_and_korean_as_written()
    {
        server.ConsoleLogs.Append("event-0", "info: Now listening on http://localhost:5123", isError: false);
        server.ConsoleLogs.Append("event-0", "fail: 플랜 <선택> 실패", isError: true);
        server.ConsoleLogs.Append("cache", "Ready to accept connections", isError: false);
        using var browser = await server.SignedInBrowserAsync();

        var html = await browser.GetStringAsync("/console/event-0");

        Assert.Contains("info: Now listening on http://localhost:5123</div>", html);
        Assert.Matches("""<div class="ln err"><time>[0-9:.]+</time>fail: 플랜 &lt;선택&gt; 실패</div>""", html);
        Assert.DoesNotContain("Ready to accept connections", html);
        Assert.Contains("<option selected>event-0</option><option>cache</option>", html);
        Assert.Contains("""data-stream="/console/event-0/stream?after=2" """.TrimEnd(), html);
    }

    [Fact]
    public async Task The_filter_keeps_matching_lines_and_carries_over_to_the_stream()
    {
        server.ConsoleLogs.Append("event-0", "GET /api/events 200", isError: false);
        server.ConsoleLogs.Append("event-0", "POST /api/plans 500", isError: true);
        using var browser = await server.SignedInBrowserAsync();

        var html = await browser.GetStringAsync("/console/event-0?filter=PLANS");
        using var picked = await browser.GetAsync("/console?resource=event-0&filter=PLANS");

        Assert.Contains("POST /api/plans 500", html);
        Assert.DoesNotContain("GET /api/events 200", html);
        Assert.Contains("""value="PLANS" """.TrimEnd(), html);
        Assert.Contains("/console/event-0/stream?after=2&amp;filter=PLANS", html);
        Assert.Equal("/console/event-0?filter=PLANS", picked.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task An_unknown_resource_is_a_404_page()
    {
        using var browser = await server.SignedInBrowserAsync();

        using var page = await browser.GetAsync("/console/%3Cscript%3Enope");

        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Contains("There is no resource named &#x27;&lt;script&gt;nope&#x27;.", await page.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_stream_delivers_a_line_appended_after_the_page_was_rendered()
    {
        server.ConsoleLogs.Append("event-0", "old line", isError: false);
        using var browser = await server.SignedInBrowserAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));

        var opening = browser.GetAsync("/console/event-0/stream?after=1&filter=request", HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        server.ConsoleLogs.Append("event-0", "unrelated", isError: false);
        server.ConsoleLogs.Append("cache", "request in another resource", isError: false);
        server.ConsoleLogs.Append("event-0", "handled request 42", isError: true);
        using var response = await opening;
        var (id, line) = await NextLineAsync(response, timeout.Token);

        Assert.Equal("text/event-stream", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("handled request 42", line.Text);
        Assert.True(line.IsError);
        Assert.Equal("event-0", line.Resource);
        Assert.Equal(line.Sequence.ToString(System.Globalization.CultureInfo.InvariantCulture), id);
    }

    [Fact]
    public async Task A_reconnecting_browser_resumes_after_its_last_event_id()
    {
        server.ConsoleLogs.Append("event-0", "one", isError: false);
        server.ConsoleLogs.Append("event-0", "two", isError: false);
        server.ConsoleLogs.Append("event-0", "three", isError: false);
        using var browser = await server.SignedInBrowserAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        using var request = new HttpRequestMessage(HttpMethod.Get, "/console/event-0/stream?after=0");
        request.Headers.Add("Last-Event-ID", "2");

        using var response = await browser.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        var (_, line) = await NextLineAsync(response, timeout.Token);

        Assert.Equal("three", line.Text);
    }

    [Fact]
    public async Task The_stream_without_the_cookie_is_unauthorized()
    {
        using var browser = server.Browser();

        using var response = await browser.GetAsync("/console/event-0/stream");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    /// <summary>Reads the event stream up to the end of the first <c>line</c> event (the blank line after its fields).</summary>
    private static async Task<(string? Id, ConsoleLine Line)> NextLineAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(cancellationToken));
        string? id = null, type = null, data = null;
        while (await reader.ReadLineAsync(cancellationToken) is { } text)
        {
            if (text.Length == 0 && type == "line" && data is not null)
            {
                return (id, JsonSerializer.Deserialize<ConsoleLine>(data, JsonSerializerOptions.Web)!);
            }

            if (text.Length == 0)
            {
                (id, type, data) = (null, null, null);
            }
            else if (text.StartsWith("id: ", StringComparison.Ordinal))
            {
                id = text[4..];
            }
            else if (text.StartsWith("event: ", StringComparison.Ordinal))
            {
                type = text[7..];
            }
            else if (text.StartsWith("data: ", StringComparison.Ordinal))
            {
                data = text[6..];
            }
        }

        throw new EndOfStreamException("The stream ended before a line event.");
    }
}
