using System.Diagnostics;
using KtEvents.Dashboard.Tests.Infrastructure;
using OpenTelemetry.Trace;
using Microsoft.Extensions.Logging;

namespace KtEvents.Dashboard.Tests;

/// <summary>The Structured logs page over logs the OpenTelemetry SDK exported: filters, and the link to each log's trace.</summary>
public sealed class LogsPageTests : IAsyncLifetime
{
    private DashboardTestServer server = null!;

    public async Task InitializeAsync() => server = await DashboardTestServer.StartAsync();

    public async Task DisposeAsync() => await server.DisposeAsync();

    [Fact]
    public async Task The_trace_id_filter_keeps_that_traces_logs_which_link_to_the_trace()
    {
        var (first, second) = ExportLogsInTwoTraces();
        using var browser = await server.SignedInBrowserAsync();

        var all = await browser.GetStringAsync("/logs");
        var ofFirst = await browser.GetStringAsync($"/logs?traceId={first}");

        Assert.Contains("Plan 1 picked for store 카페 서울", all);
        Assert.Contains("Plan 2 picked for store kt-mart", all);
        Assert.Contains("Wizard step 3 saved", all);
        Assert.Contains("Plan 1 picked for store 카페 서울", ofFirst);
        Assert.DoesNotContain("Plan 2 picked", ofFirst);
        Assert.DoesNotContain("Wizard step 3 saved", ofFirst);
        Assert.Contains($"""<a class="mono" href="/traces/{first}" title="{first}">{first[..8]}</a>""", ofFirst);
        Assert.Contains($"""href="/traces/{second}" """.TrimEnd(), all);
    }

    [Fact]
    public async Task Service_level_and_text_filters_narrow_the_list()
    {
        ExportLogsInTwoTraces();
        using var browser = await server.SignedInBrowserAsync();

        var warnings = await browser.GetStringAsync("/logs?level=Warning");
        var byText = await browser.GetStringAsync("/logs?text=KT-MART");
        var ofOtherService = await browser.GetStringAsync("/logs?service=gateway");

        Assert.Contains("Plan 2 picked", warnings);
        Assert.DoesNotContain("Wizard step 3 saved", warnings);
        Assert.Contains("<option selected>Warning</option>", warnings);
        Assert.Contains("Plan 2 picked", byText);
        Assert.DoesNotContain("Plan 1 picked", byText);
        Assert.Contains("No structured logs match.", ofOtherService);
    }

    private (string First, string Second) ExportLogsInTwoTraces()
    {
        using var source = new ActivitySource("KtEvents.Dashboard.Tests.LogsPage");
        using var tracing = SdkExporters.Tracing(server, source.Name, "event");
        string first, second;
        using (var loggerFactory = SdkExporters.Logging(server, "event"))
        {
            var logger = loggerFactory.CreateLogger("KtEvents.Event.Wizard");
            TestLog.StepSaved(logger, 3);
            using (var activity = source.StartActivity("event.approve")!)
            {
                first = activity.TraceId.ToHexString();
                TestLog.PlanPicked(logger, 1, "카페 서울");
            }

            using (var activity = source.StartActivity("event.approve")!)
            {
                second = activity.TraceId.ToHexString();
                TestLog.PlanPicked(logger, 2, "kt-mart");
            }
        }

        Assert.True(tracing.ForceFlush(10_000));
        Assert.Equal(3, server.Store.LogCount);
        return (first, second);
    }
}
