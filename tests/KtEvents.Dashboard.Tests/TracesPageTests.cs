using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using KtEvents.Dashboard.Tests.Infrastructure;
using OpenTelemetry.Trace;

namespace KtEvents.Dashboard.Tests;

/// <summary>
/// The Traces pages over a trace the OpenTelemetry SDK exported: the list, and the waterfall with
/// two parallel child spans whose bars overlap.
/// </summary>
public sealed partial class TracesPageTests : IAsyncLifetime
{
    private DashboardTestServer server = null!;

    public async Task InitializeAsync() => server = await DashboardTestServer.StartAsync();

    public async Task DisposeAsync() => await server.DisposeAsync();

    [Fact]
    public async Task The_list_shows_an_exported_trace_and_filters_by_service()
    {
        var trace = ExportRecommendTrace();
        ExportSingleSpan("billing", "billing.charge");
        using var browser = await server.SignedInBrowserAsync();

        var all = await browser.GetStringAsync("/traces");
        var ofEvent = await browser.GetStringAsync("/traces?service=event");

        Assert.Contains($"""<a href="/traces/{trace.TraceId}">""", all);
        Assert.Contains("POST /api/events/recommend</a>", all);
        Assert.Contains("billing.charge", all);
        Assert.Matches("""<td class="num">100 ms</td>\s*<td class="num">3</td>\s*<td><span class="badge err">Error</span></td>""", all);
        Assert.Contains("POST /api/events/recommend", ofEvent);
        Assert.DoesNotContain("billing.charge", ofEvent);
        Assert.Contains("<option selected>event</option>", ofEvent);
    }

    [Fact]
    public async Task The_waterfall_places_parallel_children_side_by_side_in_service_colours()
    {
        var trace = ExportRecommendTrace();
        using var browser = await server.SignedInBrowserAsync();

        var html = await browser.GetStringAsync($"/traces/{trace.TraceId}");

        var root = Bar(html, trace.RootId);
        var trends = Bar(html, trace.TrendsId);
        var plans = Bar(html, trace.PlansId);
        Assert.Equal((0d, 100d), (root.Left, root.Width));
        Assert.Equal((10d, 50d), (trends.Left, trends.Width));
        Assert.Equal((20d, 30d), (plans.Left, plans.Width));
        Assert.True(plans.Left < trends.Left + trends.Width && trends.Left < plans.Left + plans.Width, "the parallel branches overlap in time");

        // Children are indented one level; the two services get different colours; the error shows.
        Assert.Contains("""<div class="wf-name" style="padding-left:24px" title="event: event.trends">""", html);
        Assert.NotEqual(trends.Colour, plans.Colour);
        Assert.Equal(root.Colour, plans.Colour);
        Assert.Contains("""<span class="badge err">Error</span> plans timed out""", html);
        Assert.Contains("<tr><td>event.region</td><td class=\"wrap\">서울</td></tr>", html);
        Assert.Contains($"""<a href="/logs?traceId={trace.TraceId}">""", html);
    }

    [Fact]
    public async Task A_span_name_with_markup_is_shown_encoded()
    {
        var traceId = ExportSingleSpan("<script>svc</script>", "<script>alert('span')</script>");
        using var browser = await server.SignedInBrowserAsync();

        var list = await browser.GetStringAsync("/traces");
        var waterfall = await browser.GetStringAsync($"/traces/{traceId}");

        foreach (var html in new[] { list, waterfall })
        {
            Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
            Assert.DoesNotContain("<script>svc", html, StringComparison.Ordinal);
            Assert.Contains("&lt;script&gt;alert(&#x27;span&#x27;)&lt;/script&gt;", html);
        }
    }

    [Fact]
    public async Task An_unknown_trace_is_a_404_page()
    {
        using var browser = await server.SignedInBrowserAsync();

        using var page = await browser.GetAsync("/traces/0123456789abcdef0123456789abcdef");

        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Contains("There is no trace with id &#x27;0123456789abcdef0123456789abcdef&#x27;", await page.Content.ReadAsStringAsync());
    }

    /// <summary>gateway → (event.trends ∥ gateway.plans), at fixed times, as OtlpTraceExportTests sends it.</summary>
    private (string TraceId, string RootId, string TrendsId, string PlansId) ExportRecommendTrace()
    {
        using var gatewaySource = new ActivitySource("KtEvents.Dashboard.Tests.Pages.Gateway");
        using var eventSource = new ActivitySource("KtEvents.Dashboard.Tests.Pages.Event");
        using var gateway = SdkExporters.Tracing(server, gatewaySource.Name, "gateway");
        using var events = SdkExporters.Tracing(server, eventSource.Name, "event");

        var t0 = DateTime.UtcNow.AddSeconds(-5);
        string traceId, rootId, trendsId, plansId;
        using (var parent = gatewaySource.StartActivity("POST /api/events/recommend", ActivityKind.Server)!)
        {
            parent.SetStartTime(t0);
            traceId = parent.TraceId.ToHexString();
            rootId = parent.SpanId.ToHexString();
            var trends = eventSource.StartActivity("event.trends", ActivityKind.Server, parent.Context)!;
            trends.SetStartTime(t0.AddMilliseconds(10));
            trends.SetTag("event.region", "서울");
            var plans = gatewaySource.StartActivity("gateway.plans", ActivityKind.Client, parent.Context)!;
            plans.SetStartTime(t0.AddMilliseconds(20));
            plans.SetStatus(ActivityStatusCode.Error, "plans timed out");
            trendsId = trends.SpanId.ToHexString();
            plansId = plans.SpanId.ToHexString();
            plans.SetEndTime(t0.AddMilliseconds(50));
            plans.Dispose();
            trends.SetEndTime(t0.AddMilliseconds(60));
            trends.Dispose();
            parent.SetEndTime(t0.AddMilliseconds(100));
        }

        Assert.True(events.ForceFlush(10_000));
        Assert.True(gateway.ForceFlush(10_000));
        return (traceId, rootId, trendsId, plansId);
    }

    private string ExportSingleSpan(string service, string name)
    {
        using var source = new ActivitySource("KtEvents.Dashboard.Tests.Pages." + Guid.NewGuid().ToString("N"));
        using var tracing = SdkExporters.Tracing(server, source.Name, service);
        string traceId;
        using (var span = source.StartActivity(name)!)
        {
            traceId = span.TraceId.ToHexString();
        }

        Assert.True(tracing.ForceFlush(10_000));
        return traceId;
    }

    private static (double Left, double Width, string Colour) Bar(string html, string spanId)
    {
        var match = BarPattern().Matches(html).Single(m => m.Groups["span"].Value == spanId);
        return (
            double.Parse(match.Groups["left"].Value, CultureInfo.InvariantCulture),
            double.Parse(match.Groups["width"].Value, CultureInfo.InvariantCulture),
            match.Groups["colour"].Value);
    }

    [GeneratedRegex("""<div class="bar (?<colour>c\d+)[^"]*" data-span="(?<span>[0-9a-f]+)" style="left:(?<left>[\d.]+)%;width:(?<width>[\d.]+)%">""")]
    private static partial Regex BarPattern();
}
