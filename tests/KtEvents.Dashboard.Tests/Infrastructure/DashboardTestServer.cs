using System.Net;
using KtEvents.Dashboard.Otlp;
using KtEvents.Dashboard.Resources;
using KtEvents.Dashboard.Telemetry;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace KtEvents.Dashboard.Tests.Infrastructure;

/// <summary>
/// The whole dashboard as the AppHost hosts it (OTLP receiver, store, pages) on a real Kestrel, on
/// a free loopback port, with <see cref="Token"/> as its browser token.
/// </summary>
public sealed class DashboardTestServer(WebApplication app, Uri address) : IAsyncDisposable
{
    public const string Token = "test-browser-token-7f3a";

    public Uri Address { get; } = address;

    public TelemetryStore Store => app.Services.GetRequiredService<TelemetryStore>();

    public ConsoleLogStore ConsoleLogs => app.Services.GetRequiredService<ConsoleLogStore>();

    public Uri Endpoint(string path) => new(Address, path);

    /// <param name="resources">The orchestrator the pages show; none registered when null.</param>
    /// <param name="logs">Receives everything the server logs, from Trace up, when given.</param>
    public static async Task<DashboardTestServer> StartAsync(
        Action<TelemetryOptions>? configure = null, IResourceService? resources = null, CapturedLogs? logs = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        if (logs is not null)
        {
            builder.Logging.SetMinimumLevel(LogLevel.Trace).AddProvider(logs);
        }

        builder.Services.AddTelemetryStore(configure);
        builder.Services.AddDashboard(o => o.BrowserToken = Token);
        if (resources is not null)
        {
            builder.Services.AddSingleton(resources);
        }

        var app = builder.Build();
        app.MapOtlpHttpReceiver();
        app.MapDashboard();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        return new DashboardTestServer(app, new Uri(address));
    }

    /// <summary>A browser-like client: keeps cookies, does not follow redirects (so tests see them).</summary>
    public HttpClient Browser() =>
        new(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = Address };

    /// <summary>A browser that has opened the AppHost's login link.</summary>
    public async Task<HttpClient> SignedInBrowserAsync()
    {
        var browser = Browser();
        using var login = await browser.GetAsync("/login?t=" + Token);
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        return browser;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
