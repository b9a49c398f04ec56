using KtEvents.Dashboard.Rendering;
using KtEvents.Dashboard.Telemetry;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Logging;

namespace KtEvents.Dashboard.Pages;

/// <summary><c>/logs</c>: structured logs, newest first, filtered by service, minimum level, text and trace id; each links to its trace.</summary>
internal static class LogsPage
{
    private static readonly LogLevel[] Levels =
        [LogLevel.Trace, LogLevel.Debug, LogLevel.Information, LogLevel.Warning, LogLevel.Error, LogLevel.Critical];

    public static ContentHttpResult List(
        string? service, string? level, string? text, string? traceId, [AsParameters] DashboardPageServices services)
    {
        var query = new LogQuery(
            Service: string.IsNullOrEmpty(service) ? null : service,
            MinLevel: Enum.TryParse<LogLevel>(level, ignoreCase: true, out var min) ? min : null,
            Text: string.IsNullOrEmpty(text) ? null : text,
            TraceId: string.IsNullOrWhiteSpace(traceId) ? null : traceId.Trim());
        var allServices = services.Telemetry.ListServices();
        var palette = new ServicePalette(allServices);
        var logs = services.Telemetry.ListLogs(query);
        var rows = logs.Count == 0
            ? Html.Of($"""<tr><td colspan="6" class="empty">No structured logs match. Services send them to /v1/logs (OTLP over HTTP, protobuf).</td></tr>""")
            : Html.Join(logs, l => Row(l, palette));

        return Layout.Page("Structured logs", "/logs", Html.Of($"""
            <h1>Structured logs <small>{logs.Count} shown</small></h1>
            <form class="filters" method="get" action="/logs">
            <label>Service<select name="service"><option value="">All services</option>{TracesPage.ServiceOptions(allServices, query.Service)}</select></label>
            <label>Minimum level<select name="level"><option value="">Any</option>{Html.Join(Levels, l => Html.Of($"""<option{Html.Flag("selected", l == query.MinLevel)}>{l}</option>"""))}</select></label>
            <label>Text<input type="search" name="text" value="{query.Text}" placeholder="message, category or attribute"></label>
            <label>Trace id<input type="search" name="traceId" value="{query.TraceId}" class="mono" placeholder="32 hex digits"></label>
            <button type="submit">Filter</button>
            <a href="/logs">Clear</a>
            </form>
            <p class="notice" data-telemetry="logs" hidden>New logs arrived. <a href="">Refresh</a></p>
            <table>
            <thead><tr><th>Time</th><th>Level</th><th>Service</th><th>Category</th><th>Message</th><th>Trace</th></tr></thead>
            <tbody>{rows}</tbody>
            </table>
            """));
    }

    private static Markup Row(StoredLog log, ServicePalette palette)
    {
        var tone = log.Level switch
        {
            LogLevel.Warning => "warn",
            LogLevel.Error or LogLevel.Critical => "err",
            _ => "",
        };
        var attributes = log.Attributes.Count == 0
            ? Markup.Empty
            : Html.Of($"""
                <details class="attrs"><summary>{log.Attributes.Count} attributes</summary>
                <table>{Html.Join(log.Attributes, a => Html.Of($"""<tr><td class="mono">{a.Key}</td><td class="wrap">{a.Value}</td></tr>"""))}</table>
                </details>
                """);
        var trace = log.TraceId is { } id
            ? Html.Of($"""<a class="mono" href="/traces/{id}{(log.SpanId is { } spanId ? $"?span={spanId}#span-{spanId}" : "")}" title="{id}">{id[..Math.Min(8, id.Length)]}</a>""")
            : Markup.Empty;

        return Html.Of($"""
            <tr>
            <td class="nowrap mono">{Html.Time(log.Time)}</td>
            <td><span class="badge {tone}">{log.Level}</span></td>
            <td><span class="chip {palette.ClassOf(log.ServiceName)}">{log.ServiceName}</span></td>
            <td class="muted wrap">{log.Category}</td>
            <td class="wrap">{log.Message}{attributes}</td>
            <td class="nowrap">{trace}</td>
            </tr>
            """);
    }
}
