using KtEvents.Dashboard.Auth;
using KtEvents.Dashboard.Rendering;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Logging;

namespace KtEvents.Dashboard.Pages;

/// <summary>
/// <c>GET /login?t=…</c> (the link the AppHost prints) or the pasted token (<c>POST /login</c>):
/// a right token sets the session cookie and goes on to the page asked for.
/// </summary>
internal static class LoginPage
{
    public static Results<RedirectHttpResult, ContentHttpResult> Show(
        string? t, string? r, HttpContext http, BrowserSession session, ILoggerFactory loggerFactory) =>
        t is null ? Form(r, wrongToken: false) : SignIn(t, r, http, session, loggerFactory);

    public static async Task<Results<RedirectHttpResult, ContentHttpResult>> Submit(
        HttpContext http, BrowserSession session, ILoggerFactory loggerFactory)
    {
        var form = http.Request.HasFormContentType ? await http.Request.ReadFormAsync(http.RequestAborted) : FormCollection.Empty;
        return SignIn(form["token"].ToString().Trim(), form["r"].ToString(), http, session, loggerFactory);
    }

    private static Results<RedirectHttpResult, ContentHttpResult> SignIn(
        string token, string? returnPath, HttpContext http, BrowserSession session, ILoggerFactory loggerFactory)
    {
        var logger = loggerFactory.CreateLogger(DashboardLog.Category);
        var remote = http.Connection.RemoteIpAddress?.ToString();
        if (!session.IsValidToken(token))
        {
            DashboardLog.LoginRejected(logger, remote);
            return Form(returnPath, wrongToken: true);
        }

        session.SignIn(http.Response);
        DashboardLog.SignedIn(logger, remote);
        return TypedResults.Redirect(LocalPath(returnPath));
    }

    private static ContentHttpResult Form(string? returnPath, bool wrongToken)
    {
        var notice = wrongToken
            ? Html.Of($"""<p class="notice err">That token is not the one this dashboard was started with.</p>""")
            : Markup.Empty;
        return Layout.Page("Log in", null, Html.Of($"""
            <div class="login">
            <h1>KtEvents dashboard</h1>
            {notice}
            <p class="muted">Open the login link the AppHost printed when it started, or paste its token here.</p>
            <form method="post" action="/login">
            <input type="hidden" name="r" value="{LocalPath(returnPath)}">
            <input type="password" name="token" placeholder="Token" autocomplete="off" autofocus required>
            <button type="submit">Log in</button>
            </form>
            </div>
            """), wrongToken ? StatusCodes.Status401Unauthorized : StatusCodes.Status200OK);
    }

    /// <summary>Only a path on this site, so the login link cannot be made to send the browser elsewhere.</summary>
    private static string LocalPath(string? path) =>
        path is { Length: > 0 } && path[0] == '/' && !path.StartsWith("//", StringComparison.Ordinal) && !path.StartsWith("/\\", StringComparison.Ordinal)
            ? path
            : "/";
}
