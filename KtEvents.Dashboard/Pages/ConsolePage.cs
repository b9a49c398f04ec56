using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Text.Json;
using KtEvents.Dashboard.Resources;
using KtEvents.Dashboard.Rendering;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace KtEvents.Dashboard.Pages;

/// <summary>
/// <c>/console/{resource}</c>: the resource's last lines, then new ones as they are written
/// (server-sent events from <c>/console/{resource}/stream</c>), optionally only those containing a filter.
/// </summary>
internal static class ConsolePage
{
    /// <summary>Lines rendered with the page; the store may hold more, but nobody scrolls back through them in a browser.</summary>
    private const int ShownLines = 2_000;

    /// <summary>The picker's form lands here; with no resource chosen, the first one is opened.</summary>
    public static Results<RedirectHttpResult, ContentHttpResult> Pick(
        string? resource, string? filter, [AsParameters] DashboardPageServices services)
    {
        var name = string.IsNullOrEmpty(resource) ? KnownResources(services).FirstOrDefault() : resource;
        if (name is null)
        {
            var notice = services.Resources is null
                ? "No orchestrator is registered and no resource has written anything yet."
                : "No resource has written anything yet.";
            return Layout.Page("Console", "/console", Html.Of($"""<h1>Console</h1><p class="notice">{notice}</p>"""));
        }

        return TypedResults.Redirect(TailPath(name, filter));
    }

    public static ContentHttpResult Tail(string resource, string? filter, [AsParameters] DashboardPageServices services)
    {
        var known = KnownResources(services);
        if (!known.Contains(resource))
        {
            return Layout.NotFound("/console", $"There is no resource named '{resource}'.");
        }

        var lines = services.Console.Read(resource, 0, filter);
        var shown = lines.Skip(Math.Max(0, lines.Count - ShownLines)).ToList();
        var after = shown.Count > 0 ? shown[^1].Sequence : LastSequence(services.Console, resource);
        var stream = $"/console/{Html.Segment(resource)}/stream?after={after}"
            + (string.IsNullOrEmpty(filter) ? "" : "&filter=" + Uri.EscapeDataString(filter));
        var body = shown.Count == 0
            ? Html.Of($"""<div class="ln empty">{(string.IsNullOrEmpty(filter) ? "No output yet." : "No line matches the filter yet.")}</div>""")
            : Html.Join(shown, Line);

        return Layout.Page($"{resource} console", "/console", Html.Of($"""
            <h1>Console <small>{resource}</small></h1>
            <form class="filters" method="get" action="/console">
            <label>Resource<select name="resource">{Html.Join(known, n => Html.Of($"""<option{Html.SelectedIf(n == resource)}>{n}</option>"""))}</select></label>
            <label>Filter<input type="search" name="filter" value="{filter}" placeholder="text in the line"></label>
            <button type="submit">Show</button>
            <span id="stream-status" class="status">connecting…</span>
            </form>
            <div class="console" data-stream="{stream}">{body}</div>
            """));
    }

    /// <summary>
    /// Lines after <paramref name="after"/> (or after the browser's <c>Last-Event-ID</c> when it
    /// reconnects), then live ones; each event's id is the line's sequence.
    /// </summary>
    public static ServerSentEventsResult<string> Stream(
        string resource,
        string? filter,
        long? after,
        [FromHeader(Name = "Last-Event-ID")] string? lastEventId,
        ConsoleLogStore store,
        CancellationToken cancellationToken)
    {
        var from = long.TryParse(lastEventId, out var resumed) ? resumed : after ?? 0;
        return TypedResults.ServerSentEvents(Lines(store, resource, filter, from, cancellationToken));
    }

    private static async IAsyncEnumerable<SseItem<string>> Lines(
        ConsoleLogStore store, string resource, string? filter, long after, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // Subscribe first, then read what is held: a line written in between comes through both, and the sequence check drops the copy.
        var live = store.Subscribe(resource, cancellationToken);
        var last = after;
        foreach (var line in store.Read(resource, after, filter))
        {
            last = line.Sequence;
            yield return Event(line);
        }

        // The reader completes when the request is aborted, so this loop ends instead of throwing.
        await foreach (var line in live.ReadAllAsync(CancellationToken.None))
        {
            if (line.Sequence > last && ConsoleLogStore.Matches(line, filter))
            {
                last = line.Sequence;
                yield return Event(line);
            }
        }
    }

    private static SseItem<string> Event(ConsoleLine line) =>
        new(JsonSerializer.Serialize(line, JsonSerializerOptions.Web), "line") { EventId = line.Sequence.ToString(System.Globalization.CultureInfo.InvariantCulture) };

    private static Markup Line(ConsoleLine line) =>
        Html.Of($"""<div class="{(line.IsError ? "ln err" : "ln")}"><time>{Html.Time(line.Timestamp)}</time>{line.Text}</div>""");

    private static List<string> KnownResources(DashboardPageServices services)
    {
        var names = services.Resources?.GetResources().Select(r => r.Name).ToList() ?? [];
        names.AddRange(services.Console.ListResources().Where(n => !names.Contains(n)));
        return names;
    }

    private static long LastSequence(ConsoleLogStore store, string resource) =>
        store.Read(resource) is { Count: > 0 } all ? all[^1].Sequence : 0;

    private static string TailPath(string resource, string? filter) =>
        $"/console/{Html.Segment(resource)}" + (string.IsNullOrEmpty(filter) ? "" : "?filter=" + Uri.EscapeDataString(filter));
}
