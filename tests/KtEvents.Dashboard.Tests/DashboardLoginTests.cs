using System.Net;
using System.Text.Encodings.Web;
using Google.Protobuf;
using KtEvents.Dashboard.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace KtEvents.Dashboard.Tests;

/// <summary>
/// The browser token: pages need the cookie the AppHost's login link sets; a wrong token gets no
/// cookie; the OTLP receiver keeps its own key and never asks for the cookie.
/// </summary>
public sealed class DashboardLoginTests : IAsyncLifetime
{
    private readonly CapturedLogs logs = new();
    private DashboardTestServer server = null!;

    public async Task InitializeAsync() => server = await DashboardTestServer.StartAsync(logs: logs);

    public async Task DisposeAsync() => await server.DisposeAsync();

    [Theory]
    [InlineData("/")]
    [InlineData("/console")]
    [InlineData("/traces?service=event")]
    [InlineData("/logs")]
    [InlineData("/traces/0123456789abcdef0123456789abcdef")]
    public async Task Without_the_cookie_a_page_redirects_to_the_login_form_and_remembers_where_it_was_going(string path)
    {
        using var browser = server.Browser();

        using var page = await browser.GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Equal("/login?r=" + Uri.EscapeDataString(path), page.Headers.Location!.OriginalString);
        var form = await browser.GetStringAsync(page.Headers.Location);
        Assert.Contains("""<form method="post" action="/login">""", form);
        Assert.Contains($"""<input type="hidden" name="r" value="{HtmlEncoder.Default.Encode(path)}">""", form);
    }

    [Fact]
    public async Task A_wrong_token_is_refused_and_sets_no_cookie()
    {
        using var browser = server.Browser();

        using var viaLink = await browser.GetAsync("/login?t=" + DashboardTestServer.Token + "x");
        using var viaForm = await browser.PostAsync("/login", new FormUrlEncodedContent(new Dictionary<string, string> { ["token"] = "guess" }));

        foreach (var refused in new[] { viaLink, viaForm })
        {
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
            Assert.False(refused.Headers.Contains("Set-Cookie"));
            Assert.Contains("not the one this dashboard was started with", await refused.Content.ReadAsStringAsync());
        }

        using var page = await browser.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
    }

    [Fact]
    public async Task The_login_link_sets_a_strict_http_only_cookie_that_opens_every_page()
    {
        using var browser = server.Browser();

        using var login = await browser.GetAsync("/login?t=" + DashboardTestServer.Token);

        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        Assert.Equal("/", login.Headers.Location!.OriginalString);
        var cookie = Assert.Single(login.Headers.GetValues("Set-Cookie"));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(DashboardTestServer.Token, cookie, StringComparison.Ordinal);

        foreach (var path in new[] { "/", "/console", "/traces", "/logs" })
        {
            using var page = await browser.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            Assert.Equal("text/html; charset=utf-8", page.Content.Headers.ContentType!.ToString());
            Assert.Contains("script-src 'self'", page.Headers.GetValues("Content-Security-Policy").Single());
            var html = await page.Content.ReadAsStringAsync();
            Assert.Contains("""<meta charset="utf-8">""", html);
            Assert.Contains($"""<a href="{path}" aria-current="page">""", html);
        }
    }

    [Fact]
    public async Task The_pasted_token_signs_in_and_returns_to_the_page_asked_for_but_never_off_site()
    {
        using var browser = server.Browser();

        using var back = await browser.PostAsync("/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["token"] = DashboardTestServer.Token,
            ["r"] = "/logs?level=Warning",
        }));
        using var offSite = await browser.GetAsync("/login?t=" + DashboardTestServer.Token + "&r=" + Uri.EscapeDataString("//evil.example/"));

        Assert.Equal("/logs?level=Warning", back.Headers.Location!.OriginalString);
        Assert.Equal("/", offSite.Headers.Location!.OriginalString);
        using var logsPage = await browser.GetAsync("/logs?level=Warning");
        Assert.Equal(HttpStatusCode.OK, logsPage.StatusCode);
    }

    [Fact]
    public async Task A_cookie_made_up_by_hand_does_not_open_the_pages()
    {
        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = server.Address };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.Add("Cookie", "ktevents_dashboard=" + DashboardTestServer.Token);

        using var page = await browser.SendAsync(request);

        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
    }

    [Fact]
    public async Task The_token_appears_in_no_log_line_whether_right_or_wrong()
    {
        using var browser = server.Browser();
        (await browser.GetAsync("/login?t=" + DashboardTestServer.Token + "-typo")).Dispose();
        (await browser.GetAsync("/login?t=" + DashboardTestServer.Token)).Dispose();
        (await browser.GetAsync("/")).Dispose();

        var lines = logs.Messages;
        Assert.Contains(lines, l => l.Contains("Dashboard login with a wrong token", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("Dashboard browser signed in", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains(DashboardTestServer.Token, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Otlp_exports_need_their_api_key_and_not_the_browser_cookie()
    {
        await using var keyed = await DashboardTestServer.StartAsync(o => o.OtlpApiKey = "otlp-key");
        using var exporter = new HttpClient { BaseAddress = keyed.Address };
        var body = OtlpMessages.OneSpan("event", OtlpMessages.Id(16, 1), OtlpMessages.Id(8, 2)).ToByteArray();

        using var withKey = new HttpRequestMessage(HttpMethod.Post, "/v1/traces") { Content = Protobuf(body) };
        withKey.Headers.Add("x-otlp-api-key", "otlp-key");
        using var accepted = await exporter.SendAsync(withKey);
        using var withoutKey = await exporter.PostAsync("/v1/traces", Protobuf(body));

        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, withoutKey.StatusCode);
        Assert.Equal(1, keyed.Store.SpanCount);
    }

    [Fact]
    public async Task A_dashboard_without_a_browser_token_does_not_start()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        builder.Services.AddTelemetryStore();
        builder.Services.AddDashboard();
        await using var app = builder.Build();
        app.MapDashboard();

        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());

        Assert.Contains("Dashboard:BrowserToken is required.", failure.Failures);
    }

    private static ByteArrayContent Protobuf(byte[] body)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new("application/x-protobuf");
        return content;
    }
}
