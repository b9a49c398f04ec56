using System.Net;
using Google.Protobuf;
using KtEvents.Dashboard.Tests.Infrastructure;

namespace KtEvents.Dashboard.Tests;

/// <summary>The change feed behind the Traces and Structured logs pages' "new data arrived" notice.</summary>
public sealed class TelemetryFeedTests : IAsyncLifetime
{
    private DashboardTestServer server = null!;

    public async Task InitializeAsync() => server = await DashboardTestServer.StartAsync();

    public async Task DisposeAsync() => await server.DisposeAsync();

    [Fact]
    public async Task An_export_shows_up_on_the_feed_with_its_trace_id()
    {
        using var browser = await server.SignedInBrowserAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        using var response = await browser.GetAsync("/telemetry/stream", HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(timeout.Token));
        Assert.Equal("event: ready", await reader.ReadLineAsync(timeout.Token));

        using var exporter = new HttpClient { BaseAddress = server.Address };
        var body = new ByteArrayContent(OtlpMessages.OneSpan("event", OtlpMessages.Id(16, 0xab), OtlpMessages.Id(8, 1)).ToByteArray());
        body.Headers.ContentType = new("application/x-protobuf");
        using var export = await exporter.PostAsync("/v1/traces", body, timeout.Token);
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);

        string? line;
        do
        {
            line = await reader.ReadLineAsync(timeout.Token);
        }
        while (line is not null && line != "event: change");

        var data = await reader.ReadLineAsync(timeout.Token);
        Assert.Equal("""data: {"spansAdded":1,"logsAdded":0,"traceIds":["abababababababababababababababab"]}""", data);
    }

    [Fact]
    public async Task The_pages_carry_the_hidden_notice_the_feed_reveals()
    {
        using var browser = await server.SignedInBrowserAsync();

        var traces = await browser.GetStringAsync("/traces");
        var logs = await browser.GetStringAsync("/logs");
        using var anonymous = server.Browser();
        using var refused = await anonymous.GetAsync("/telemetry/stream");

        Assert.Contains("""<p class="notice" data-telemetry="spans" hidden>""", traces);
        Assert.Contains("""<p class="notice" data-telemetry="logs" hidden>""", logs);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
    }
}
