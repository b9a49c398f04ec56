using System.Diagnostics;

using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;

namespace KtEvents.ServiceDefaults.Health;

/// <summary>Registers the "self" liveness check and maps <c>/health</c> and <c>/alive</c>.</summary>
public static class HealthCheckExtensions
{
    /// <summary>Adds a "self" check tagged live; building blocks add their own readiness checks.</summary>
    public static TBuilder AddDefaultHealthChecks<TBuilder>(this TBuilder builder)
        where TBuilder : IHostApplicationBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddHealthChecks()
            .AddCheck("self", () => HealthCheckResult.Healthy(), [HealthEndpoints.LiveTag]);
        return builder;
    }

    /// <summary>
    /// Maps both probes in every environment: the AppHost and Container Apps probe them in production
    /// too. The default writer answers only "Healthy"/"Degraded"/"Unhealthy" as plain text, so no check
    /// names, exception messages or connection details leak to whoever can reach the port. Probes carry
    /// no token, so the endpoints stay anonymous even under a fallback authorization policy.
    /// </summary>
    public static IEndpointRouteBuilder MapDefaultHealthChecks(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapHealthChecks(HealthEndpoints.ReadinessPath)
            .AllowAnonymous()
            .Add(DoNotTrace);
        endpoints.MapHealthChecks(HealthEndpoints.LivenessPath, new HealthCheckOptions
        {
            Predicate = registration => registration.Tags.Contains(HealthEndpoints.LiveTag),
        })
            .AllowAnonymous()
            .Add(DoNotTrace);
        return endpoints;
    }

    // Probes arrive every few seconds from the orchestrator; exporting a span for each one would bury
    // the traces people look for. Clearing the Recorded flag keeps the span out of every exporter.
    private static void DoNotTrace(EndpointBuilder endpoint)
    {
        var next = endpoint.RequestDelegate;
        if (next is null)
        {
            return;
        }

        endpoint.RequestDelegate = context =>
        {
            if (Activity.Current is { } activity)
            {
                activity.ActivityTraceFlags &= ~ActivityTraceFlags.Recorded;
                activity.IsAllDataRequested = false;
            }

            return next(context);
        };
    }
}
