using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace KtEvents.Dashboard.Auth;

/// <summary>The endpoint filters that guard the pages: response headers, the login cookie, same-origin POSTs.</summary>
internal static class BrowserAuthFilters
{
    /// <summary>Scripts only from the dashboard itself (inline style attributes place the waterfall bars), no framing, no referrer leaking trace ids.</summary>
    public static ValueTask<object?> SecurityHeaders(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var headers = context.HttpContext.Response.Headers;
        headers.ContentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'none'; form-action 'self'; base-uri 'none'";
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        headers.CacheControl = "no-store";
        return next(context);
    }

    /// <summary>Pages send the browser to the login form; anything else (the row refresh, streams, POSTs) gets 401.</summary>
    public static ValueTask<object?> RequireBrowserSession(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (http.RequestServices.GetRequiredService<BrowserSession>().IsSignedIn(http.Request))
        {
            return next(context);
        }

        // An event stream cannot follow a redirect to a form, so it is told 401 instead.
        if (HttpMethods.IsGet(http.Request.Method) && !http.Request.Path.Value!.EndsWith("/stream", StringComparison.Ordinal))
        {
            var back = http.Request.Path + http.Request.QueryString;
            return ValueTask.FromResult<object?>(TypedResults.Redirect("/login?r=" + Uri.EscapeDataString(back)));
        }

        return ValueTask.FromResult<object?>(TypedResults.Unauthorized());
    }

    /// <summary>
    /// A POST must come from a dashboard page: browsers mark cross-site requests with
    /// <c>Sec-Fetch-Site</c> and <c>Origin</c>; the SameSite=Strict cookie is the second lock.
    /// </summary>
    public static ValueTask<object?> RequireSameOrigin(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var request = context.HttpContext.Request;
        var site = request.Headers["Sec-Fetch-Site"].ToString();
        var origin = request.Headers.Origin.ToString();
        var sameSite = site.Length == 0 || site == "same-origin";
        var sameOrigin = origin.Length == 0
            || string.Equals(origin, $"{request.Scheme}://{request.Host}", StringComparison.OrdinalIgnoreCase);
        if (sameSite && sameOrigin)
        {
            return next(context);
        }

        var logger = context.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(DashboardLog.Category);
        DashboardLog.CrossSiteRequestRefused(logger, request.Path, site, origin);
        return ValueTask.FromResult<object?>(TypedResults.StatusCode(StatusCodes.Status403Forbidden));
    }
}
