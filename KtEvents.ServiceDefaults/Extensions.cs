// KtEvents.ServiceDefaults: what every KtEvents service gets from two lines, in the role of Aspire's
// ServiceDefaults project.
//
//     builder.AddServiceDefaults();   // Program.cs, first thing after CreateBuilder
//     app.MapDefaultEndpoints();      // Program.cs, after Build
//
// AddServiceDefaults wires
//   Telemetry/         OpenTelemetry traces, metrics and logs; OTLP export when OTEL_EXPORTER_OTLP_ENDPOINT is set
//   Health/            health checks, with a "self" liveness check
//   ServiceDiscovery/  "http://event" in any HttpClient resolves through services:event:http:N (services__event__http__0)
//   Resilience/        total timeout, retry, circuit breaker and attempt timeout on every HttpClient
//   Errors/            RFC 9457 ProblemDetails for every error: a stable "code", a Korean "detail", no exception text
// MapDefaultEndpoints maps /health (readiness) and /alive (liveness) in every environment.
// Authentication/ is opt-in per service: AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer()
// checks ES256 tokens against the User service's JWKS; Es256JwtWriter and JsonWebKey issue and publish them.
//
// Several libraries Aspire's template uses cannot be restored in this workplace (ARCHITECTURE.md §3).
// Their stand-ins here keep the public names (AddOpenTelemetry, AddServiceDiscovery,
// AddStandardResilienceHandler, AddJwtBearer, JwtBearerDefaults) so that swapping the real package in
// is a matter of deleting a folder and changing usings.

using KtEvents.ServiceDefaults.Errors;
using KtEvents.ServiceDefaults.Health;
using KtEvents.ServiceDefaults.Resilience;
using KtEvents.ServiceDefaults.ServiceDiscovery;
using KtEvents.ServiceDefaults.Telemetry;

using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace KtEvents.ServiceDefaults;

/// <summary>Entry points of the service defaults.</summary>
public static class Extensions
{
    /// <summary>Telemetry, health checks, service discovery, HttpClient resilience and ProblemDetails.</summary>
    public static TBuilder AddServiceDefaults<TBuilder>(this TBuilder builder)
        where TBuilder : IHostApplicationBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ConfigureOpenTelemetry();
        builder.AddDefaultHealthChecks();
        builder.Services.AddServiceDiscovery();
        builder.Services.ConfigureHttpClientDefaults(http =>
        {
            // Resilience outside, discovery inside: every retry resolves the name again.
            http.AddStandardResilienceHandler();
            http.AddServiceDiscovery();
        });
        builder.Services.AddDefaultProblemDetails();
        return builder;
    }

    /// <summary>
    /// Maps <c>/health</c> and <c>/alive</c>. They are mapped in every environment on purpose: the
    /// orchestrator probes production too, and the answers are plain "Healthy"/"Unhealthy".
    /// </summary>
    public static WebApplication MapDefaultEndpoints(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapDefaultHealthChecks();
        return app;
    }
}
