// KtEvents.Dashboard — browser part
//
// The pages a developer keeps open while the AppHost runs: server-rendered HTML from minimal API
// endpoints, one stylesheet and one small script served by the dashboard itself.
//
// - /                        Resources: what the orchestrator (IResourceService) runs, with Restart
// - /console/{resource}      a resource's stdout/stderr (ConsoleLogStore), live over server-sent events
// - /traces, /traces/{id}    received traces and one trace's waterfall
// - /logs                    structured logs, filtered by service, level, text and trace id
// - /login?t=…               the link the AppHost prints; sets an HttpOnly, SameSite=Strict cookie
//
// Every page needs that cookie; POSTs must also come from the dashboard's own pages. The OTLP
// receiver (MapOtlpHttpReceiver) is separate and keeps its own API key. Everything shown is
// HTML-encoded by Rendering/Html.Of, so span or resource names cannot inject markup.
//
// Use:
//     builder.Services.AddTelemetryStore();
//     builder.Services.AddDashboard(o => o.BrowserToken = token);   // or Dashboard:BrowserToken
//     builder.Services.AddSingleton<IResourceService>(orchestrator); // optional
//     app.MapOtlpHttpReceiver();
//     app.MapDashboard();
using KtEvents.Dashboard.Auth;
using KtEvents.Dashboard.Pages;
using KtEvents.Dashboard.Rendering;
using KtEvents.Dashboard.Resources;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace KtEvents.Dashboard;

public static class DashboardServiceExtensions
{
    /// <summary>
    /// Registers the pages' services with options from the <c>Dashboard</c> section, then
    /// <paramref name="configure"/> on top. A missing <see cref="DashboardOptions.BrowserToken"/>
    /// fails the host's start rather than serving the pages to anyone.
    /// </summary>
    public static IServiceCollection AddDashboard(this IServiceCollection services, Action<DashboardOptions>? configure = null)
    {
        var options = services.AddOptions<DashboardOptions>()
            .BindConfiguration(DashboardOptions.SectionName)
            .Validate(o => !string.IsNullOrWhiteSpace(o.BrowserToken), "Dashboard:BrowserToken is required.")
            .ValidateOnStart();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.TryAddSingleton<ConsoleLogStore>();
        services.TryAddSingleton<BrowserSession>();

        // ASP.NET Core logs every request's URL with its query string at Information, which for
        // /login?t=… would write the token into the AppHost's output.
        services.AddLogging(logging => logging.AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.Warning));
        return services;
    }

    /// <summary>Maps the pages, the login and the two static assets; returns their group.</summary>
    public static IEndpointConventionBuilder MapDashboard(this IEndpointRouteBuilder endpoints)
    {
        // The dashboard checks its own cookie, so a host-wide authorization policy must not add another.
        var dashboard = endpoints.MapGroup(string.Empty)
            .AddEndpointFilter(BrowserAuthFilters.SecurityHeaders)
            .AllowAnonymous()
            .ExcludeFromDescription();
        dashboard.MapGet(DashboardAssets.StylesheetPath, () => TypedResults.Text(DashboardAssets.Stylesheet, "text/css; charset=utf-8"));
        dashboard.MapGet(DashboardAssets.ScriptPath, () => TypedResults.Text(DashboardAssets.Script, "text/javascript; charset=utf-8"));
        dashboard.MapGet("/login", LoginPage.Show);
        dashboard.MapPost("/login", LoginPage.Submit).AddEndpointFilter(BrowserAuthFilters.RequireSameOrigin);

        var pages = dashboard.MapGroup(string.Empty).AddEndpointFilter(BrowserAuthFilters.RequireBrowserSession);
        pages.MapGet("/", ResourcesPage.Index);
        pages.MapGet("/resources/rows", ResourcesPage.Rows);
        pages.MapPost("/resources/{name}/restart", ResourcesPage.Restart).AddEndpointFilter(BrowserAuthFilters.RequireSameOrigin);
        pages.MapGet("/console", ConsolePage.Pick);
        pages.MapGet("/console/{resource}", ConsolePage.Tail);
        pages.MapGet("/console/{resource}/stream", ConsolePage.Stream);
        pages.MapGet("/traces", TracesPage.List);
        pages.MapGet("/traces/{traceId}", TracesPage.Waterfall);
        pages.MapGet("/logs", LogsPage.List);
        pages.MapGet(TelemetryFeed.Path, TelemetryFeed.Stream);
        return dashboard;
    }
}
