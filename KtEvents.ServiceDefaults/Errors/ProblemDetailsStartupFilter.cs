using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

namespace KtEvents.ServiceDefaults.Errors;

/// <summary>
/// Puts the exception handler and status code pages in front of the whole pipeline, including the
/// authentication and routing middleware WebApplication adds by itself, whatever order Program.cs
/// uses. Unhandled exceptions become a 500 ProblemDetails without the exception's text; empty error
/// responses (404, 405, 401 challenges, binding failures) get a ProblemDetails body.
/// </summary>
internal sealed class ProblemDetailsStartupFilter : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        next(app);
    };
}
