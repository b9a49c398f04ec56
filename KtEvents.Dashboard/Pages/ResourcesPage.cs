using KtEvents.Dashboard.Resources;
using KtEvents.Dashboard.Rendering;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace KtEvents.Dashboard.Pages;

/// <summary><c>/</c>: every resource the orchestrator runs, refreshed every few seconds, with a Restart button per row.</summary>
internal static class ResourcesPage
{
    private const string RowsPath = "/resources/rows";

    public static ContentHttpResult Index([AsParameters] DashboardPageServices services)
    {
        if (services.Resources is null)
        {
            return Layout.Page("Resources", "/", Html.Of($"""
                <h1>Resources</h1>
                <p class="notice">No orchestrator is registered with this dashboard, so there are no resources to show. Traces, structured logs and console lines still arrive.</p>
                """));
        }

        return Layout.Page("Resources", "/", Html.Of($"""
            <h1>Resources</h1>
            <table>
            <thead><tr>
            <th>Name</th><th>Type</th><th>State</th><th>Health</th><th>Endpoints</th>
            <th class="num">Restarts</th><th class="num">Uptime</th><th class="num">PID</th><th>Message</th><th></th>
            </tr></thead>
            <tbody data-refresh="{RowsPath}">
            {Body(services.Resources.GetResources())}
            </tbody>
            </table>
            """));
    }

    /// <summary>The table body alone, for the page's refresh script.</summary>
    public static ContentHttpResult Rows([AsParameters] DashboardPageServices services) =>
        TypedResults.Content(Body(services.Resources?.GetResources() ?? []).Value, "text/html; charset=utf-8");

    public static async Task<Results<RedirectHttpResult, ContentHttpResult>> Restart(
        string name, [AsParameters] DashboardPageServices services, CancellationToken cancellationToken)
    {
        if (services.Resources is null || !await services.Resources.RestartAsync(name, cancellationToken))
        {
            return Layout.NotFound("/", $"There is no resource named '{name}' to restart.");
        }

        DashboardLog.RestartRequested(services.Logger, name);
        return TypedResults.Redirect("/");
    }

    private static Markup Body(IReadOnlyList<ResourceSnapshot> resources)
    {
        if (resources.Count == 0)
        {
            return Html.Of($"""<tr><td colspan="10" class="empty">The orchestrator has no resources.</td></tr>""");
        }

        var now = DateTimeOffset.UtcNow;
        return Html.Join(resources, r => Html.Of($"""
            <tr>
            <td class="nowrap"><a href="/console/{Html.Segment(r.Name)}" title="Console output">{r.Name}</a></td>
            <td>{r.Type}</td>
            <td>{State(r)}</td>
            <td>{Health(r.Health)}</td>
            <td class="urls">{Html.Join(r.Endpoints, Endpoint)}</td>
            <td class="num">{r.Restarts}</td>
            <td class="num">{(r.Uptime(now) is { } uptime ? Html.Uptime(uptime) : "")}</td>
            <td class="num">{r.ProcessId}</td>
            <td class="wrap">{r.Message}</td>
            <td class="nowrap"><form class="inline" method="post" action="/resources/{Html.Segment(r.Name)}/restart"><button type="submit">Restart</button></form></td>
            </tr>
            """));
    }

    private static Markup State(ResourceSnapshot resource)
    {
        var (label, tone) = resource.State switch
        {
            ResourceState.NotStarted => ("Not started", ""),
            ResourceState.Waiting => ("Waiting", "warn"),
            ResourceState.Building => ("Building", "warn"),
            ResourceState.Starting => ("Starting", "warn"),
            ResourceState.Running => ("Running", "ok"),
            ResourceState.Restarting => ("Restarting", "warn"),
            ResourceState.FailedToStart => ("Failed to start", "err"),
            ResourceState.Exited => (resource.ExitCode is { } code ? $"Exited ({code})" : "Exited", resource.ExitCode is null or 0 ? "" : "err"),
            ResourceState.Stopping => ("Stopping", "warn"),
            ResourceState.Stopped => ("Stopped", ""),
            _ => (resource.State.ToString(), ""),
        };
        return Html.Of($"""<span class="badge {tone}">{label}</span>""");
    }

    private static Markup Health(ResourceHealth? health) => health switch
    {
        ResourceHealth.Healthy => Html.Of($"""<span class="badge ok">Healthy</span>"""),
        ResourceHealth.Unhealthy => Html.Of($"""<span class="badge err">Unhealthy</span>"""),
        ResourceHealth.Unknown => Html.Of($"""<span class="badge">Unknown</span>"""),
        _ => Html.Of($"""<span class="muted">—</span>"""),
    };

    /// <summary>Only http(s) becomes a link: a tcp:// or a crafted javascript: URL is shown as text.</summary>
    private static Markup Endpoint(ResourceUrl url) =>
        Uri.TryCreate(url.Url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? Html.Of($"""<a href="{uri.AbsoluteUri}" target="_blank" rel="noopener noreferrer" title="{url.Name}">{url.Url}</a>""")
            : Html.Of($"""<code title="{url.Name}">{url.Url}</code>""");
}
