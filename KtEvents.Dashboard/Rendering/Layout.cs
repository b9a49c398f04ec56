using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace KtEvents.Dashboard.Rendering;

/// <summary>The one page frame: head (UTF-8, the shared stylesheet and script) and the nav bar.</summary>
internal static class Layout
{
    private static readonly (string Href, string Label)[] Sections =
    [
        ("/", "Resources"),
        ("/console", "Console"),
        ("/traces", "Traces"),
        ("/logs", "Structured logs"),
    ];

    /// <param name="section">The nav entry to mark as current (its href), or null on pages outside the nav.</param>
    public static ContentHttpResult Page(string title, string? section, Markup body, int statusCode = StatusCodes.Status200OK)
    {
        var nav = section is null
            ? Markup.Empty
            : Html.Join(Sections, s => s.Href == section
                ? Html.Of($"""<a href="{s.Href}" aria-current="page">{s.Label}</a>""")
                : Html.Of($"""<a href="{s.Href}">{s.Label}</a>"""));
        var page = Html.Of($"""
            <!doctype html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{title} · KtEvents</title>
            <link rel="stylesheet" href="{DashboardAssets.StylesheetPath}">
            <script src="{DashboardAssets.ScriptPath}" defer></script>
            </head>
            <body>
            <header><span class="brand">KtEvents</span><nav>{nav}</nav></header>
            <main>
            {body}
            </main>
            </body>
            </html>
            """);
        return TypedResults.Content(page.Value, "text/html; charset=utf-8", Encoding.UTF8, statusCode);
    }

    public static ContentHttpResult NotFound(string section, string what) =>
        Page("Not found", section, Html.Of($"""
            <h1>Not found</h1>
            <p class="empty">{what}</p>
            <p><a href="{section}">Back</a></p>
            """), StatusCodes.Status404NotFound);
}
