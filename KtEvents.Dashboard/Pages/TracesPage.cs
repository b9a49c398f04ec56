using KtEvents.Dashboard.Rendering;
using KtEvents.Dashboard.Telemetry;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace KtEvents.Dashboard.Pages;

/// <summary>
/// <c>/traces</c>: received traces, newest first, optionally of one service; <c>/traces/{id}</c>:
/// one trace as a waterfall, each span a bar placed by its offset and width relative to the whole
/// trace, so spans that ran in parallel sit side by side.
/// </summary>
internal static class TracesPage
{
    public static ContentHttpResult List(string? service, [AsParameters] DashboardPageServices services)
    {
        var serviceFilter = string.IsNullOrEmpty(service) ? null : service;
        var allServices = services.Telemetry.ListServices();
        var palette = new ServicePalette(allServices);
        var traces = services.Telemetry.ListTraces(serviceFilter);
        var rows = traces.Count == 0
            ? Html.Of($"""<tr><td colspan="7" class="empty">No traces yet. Services send them to /v1/traces (OTLP over HTTP, protobuf).</td></tr>""")
            : Html.Join(traces, t => Html.Of($"""
                <tr>
                <td class="nowrap mono">{Html.Time(t.Start)}</td>
                <td class="wrap"><a href="/traces/{t.TraceId}"><span class="chip {palette.ClassOf(t.RootService)}">{t.RootService}</span>{t.RootName}</a></td>
                <td>{Html.Join(t.Services, s => Html.Of($"""<span class="chip {palette.ClassOf(s)}">{s}</span>"""))}</td>
                <td class="num">{Html.Duration(t.Duration)}</td>
                <td class="num">{t.SpanCount}</td>
                <td>{(t.HasError ? Html.Of($"""<span class="badge err">Error</span>""") : Markup.Empty)}</td>
                <td class="mono muted">{t.TraceId[..Math.Min(8, t.TraceId.Length)]}</td>
                </tr>
                """));

        return Layout.Page("Traces", "/traces", Html.Of($"""
            <h1>Traces <small>{traces.Count} shown</small></h1>
            <form class="filters" method="get" action="/traces">
            <label>Service<select name="service"><option value="">All services</option>{ServiceOptions(allServices, serviceFilter)}</select></label>
            <button type="submit">Filter</button>
            <a href="/traces{(serviceFilter is null ? "" : "?service=" + Uri.EscapeDataString(serviceFilter))}">Refresh</a>
            </form>
            <p class="notice" data-telemetry="spans" hidden>New traces arrived. <a href="">Refresh</a></p>
            <table>
            <thead><tr><th>Start</th><th>Name</th><th>Services</th><th class="num">Duration</th><th class="num">Spans</th><th>Status</th><th>Trace</th></tr></thead>
            <tbody>{rows}</tbody>
            </table>
            """));
    }

    /// <param name="span">A span to show opened (the logs page links to the span a log was written in).</param>
    public static ContentHttpResult Waterfall(string traceId, string? span, [AsParameters] DashboardPageServices services)
    {
        if (services.Telemetry.GetTrace(traceId) is not { } trace)
        {
            return Layout.NotFound("/traces", $"There is no trace with id '{traceId}': it never arrived, or it was evicted to make room for newer ones.");
        }

        var summary = trace.Summary;
        var total = summary.Duration.TotalMilliseconds;
        var palette = new ServicePalette(services.Telemetry.ListServices());
        var ticks = Html.Join([0, 0.25, 0.5, 0.75, 1], f => Html.Of($"<span>{(f == 0 ? "0" : Html.Duration(summary.Duration * f))}</span>"));

        return Layout.Page($"{summary.RootName} trace", "/traces", Html.Of($"""
            <h1>{summary.RootName} <small class="mono">{summary.TraceId}</small></h1>
            <div class="summary">
            <div><span class="k">Started</span>{Html.Time(summary.Start)}</div>
            <div><span class="k">Duration</span>{Html.Duration(summary.Duration)}</div>
            <div><span class="k">Spans</span>{summary.SpanCount}</div>
            <div><span class="k">Services</span>{Html.Join(summary.Services, s => Html.Of($"""<span class="chip {palette.ClassOf(s)}">{s}</span>"""))}</div>
            <div>{(summary.HasError ? Html.Of($"""<span class="badge err">Error</span>""") : Html.Of($"""<span class="badge ok">OK</span>"""))}</div>
            <div><a href="/logs?traceId={summary.TraceId}">Logs of this trace</a></div>
            </div>
            <p class="notice" data-telemetry="trace" data-trace="{summary.TraceId}" hidden>More spans of this trace arrived. <a href="">Refresh</a></p>
            <div class="waterfall">
            <div class="wf-head"><div>Span</div><div class="ticks">{ticks}</div></div>
            {Html.Join(trace.Spans, s => Row(s, total, palette, s.Span.SpanId == span))}
            </div>
            """));
    }

    private static Markup Row(WaterfallSpan item, double total, ServicePalette palette, bool open)
    {
        var span = item.Span;
        var colour = palette.ClassOf(span.ServiceName);
        var left = total > 0 ? item.OffsetMs / total * 100 : 0;
        var width = total > 0 ? item.WidthMs / total * 100 : 100;

        // The duration sits right of the bar; left of it when the bar reaches the right edge; inside
        // it when the bar fills the track.
        var duration = Html.Duration(span.Duration);
        var label = (left + width) switch
        {
            <= 85 => Html.Of($"""<span class="bar-label" style="left:{Html.Percent(left + width)}">{duration}</span>"""),
            _ when left >= 12 => Html.Of($"""<span class="bar-label before" style="right:{Html.Percent(100 - left)}">{duration}</span>"""),
            _ => Html.Of($"""<span class="bar-label inside" style="right:{Html.Percent(100 - left - width)}">{duration}</span>"""),
        };
        var error = span.IsError ? Html.Of($"""<span class="err-mark" title="Error">!</span>""") : Markup.Empty;

        return Html.Of($"""
            <details class="wf-row" id="span-{span.SpanId}"{Html.Flag("open", open)}>
            <summary>
            <div class="wf-name" style="padding-left:{8 + (item.Depth * 16)}px" title="{span.ServiceName}: {span.Name}">{error}<span class="chip svc {colour}">{span.ServiceName}</span>{span.Name}</div>
            <div class="wf-track"><div class="bar {colour}{(span.IsError ? " error" : "")}" data-span="{span.SpanId}" style="left:{Html.Percent(left)};width:{Html.Percent(width)}"></div>{label}</div>
            </summary>
            <div class="wf-detail">
            <table>
            <tr><td>service</td><td>{span.ServiceName}</td></tr>
            <tr><td>kind</td><td>{span.Kind}</td></tr>
            <tr><td>status</td><td>{(span.IsError ? Html.Of($"""<span class="badge err">Error</span> {span.StatusMessage}""") : Html.Of($"""<span class="badge ok">OK</span>"""))}</td></tr>
            <tr><td>duration</td><td>{Html.Duration(span.Duration)} (starts at {Html.Duration(TimeSpan.FromMilliseconds(item.OffsetMs))})</td></tr>
            <tr><td>span id</td><td class="mono">{span.SpanId}</td></tr>
            <tr><td>parent id</td><td class="mono">{span.ParentSpanId}</td></tr>
            <tr><td>scope</td><td>{span.ScopeName}</td></tr>
            {Html.Join(span.Attributes, a => Html.Of($"""<tr><td>{a.Key}</td><td class="wrap">{a.Value}</td></tr>"""))}
            </table>
            {(span.Events.Count == 0 ? Markup.Empty : Events(span.Events))}
            </div>
            </details>
            """);
    }

    private static Markup Events(IReadOnlyList<SpanEvent> events) => Html.Of($"""
        <h3>Events</h3>
        <table>
        {Html.Join(events, e => Html.Of($"""<tr><td>{Html.Time(e.Time)}</td><td><b>{e.Name}</b> {Html.Join(e.Attributes, a => Html.Of($"""<span class="muted">{a.Key}=</span>{a.Value} """))}</td></tr>"""))}
        </table>
        """);

    public static Markup ServiceOptions(IEnumerable<string> services, string? selected) =>
        Html.Join(services, s => Html.Of($"""<option{Html.Flag("selected", s == selected)}>{s}</option>"""));
}
