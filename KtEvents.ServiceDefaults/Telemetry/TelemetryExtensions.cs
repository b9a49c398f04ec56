using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace KtEvents.ServiceDefaults.Telemetry;

/// <summary>Traces, metrics and logs through the OpenTelemetry SDK, exported over OTLP when configured.</summary>
public static class TelemetryExtensions
{
    /// <summary>Configuration key (environment variable) that switches OTLP export on.</summary>
    public const string OtlpEndpointKey = "OTEL_EXPORTER_OTLP_ENDPOINT";

    /// <summary>
    /// Listens to the built-in sources of ASP.NET Core, HttpClient, Npgsql, RabbitMQ.Client and every
    /// "KtEvents.*" source; sends all three signals to <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> when it is set.
    /// <c>OTEL_SERVICE_NAME</c>, <c>OTEL_RESOURCE_ATTRIBUTES</c> and <c>OTEL_EXPORTER_OTLP_PROTOCOL</c>
    /// are read by the SDK itself from configuration.
    /// </summary>
    public static TBuilder ConfigureOpenTelemetry<TBuilder>(this TBuilder builder)
        where TBuilder : IHostApplicationBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        var applicationName = builder.Environment.ApplicationName;
        var configuration = builder.Configuration;

        builder.Logging.AddOpenTelemetry(logging =>
        {
            // The dashboard shows the rendered message; scopes carry ids such as the event id.
            logging.IncludeFormattedMessage = true;
            logging.IncludeScopes = true;
        });

        var telemetry = builder.Services.AddOpenTelemetry();
        telemetry.ConfigureResource(resource =>
        {
            // Outside the AppHost nobody sets OTEL_SERVICE_NAME; "unknown_service" would make every
            // service look the same in a collector, so fall back to the application's name.
            if (!HasConfiguredServiceName(configuration))
            {
                resource.AddService(applicationName);
            }
        });
        telemetry.WithMetrics(metrics => metrics
            .AddMeter([.. KtEventsTelemetry.LibraryMeters, KtEventsTelemetry.Wildcard, applicationName]));
        telemetry.WithTracing(tracing => tracing
            .AddSource([.. KtEventsTelemetry.LibraryActivitySources, KtEventsTelemetry.Wildcard, applicationName]));

        // Registered before the exception handler's filter, so it wraps it and sees the final status.
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IStartupFilter, ServerSpanEnrichmentStartupFilter>());

        if (!string.IsNullOrWhiteSpace(configuration[OtlpEndpointKey]))
        {
            telemetry.UseOtlpExporter();
        }

        return builder;
    }

    private static bool HasConfiguredServiceName(IConfiguration configuration) =>
        !string.IsNullOrWhiteSpace(configuration["OTEL_SERVICE_NAME"])
        || (configuration["OTEL_RESOURCE_ATTRIBUTES"] ?? "")
            .Split(',')
            .Any(attribute => attribute.TrimStart().StartsWith("service.name=", StringComparison.Ordinal));
}
