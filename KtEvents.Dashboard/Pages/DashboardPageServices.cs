using KtEvents.Dashboard.Resources;
using KtEvents.Dashboard.Telemetry;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;

namespace KtEvents.Dashboard.Pages;

/// <summary>What the page handlers need, as one <c>[AsParameters]</c> argument.</summary>
/// <param name="Resources">Null when the host registered no orchestrator: the dashboard then shows telemetry only.</param>
internal sealed record DashboardPageServices(
    TelemetryStore Telemetry,
    ConsoleLogStore Console,
    [FromServices] IResourceService? Resources,
    ILoggerFactory LoggerFactory)
{
    public ILogger Logger => LoggerFactory.CreateLogger(DashboardLog.Category);
}
