// KtEvents.Dashboard — telemetry part
//
// The AppHost's developer dashboard stands in for Aspire's (which cannot be restored here). This
// part receives what every service exports and keeps it for the pages to show.
//
// - Otlp/Protos: a subset of the OpenTelemetry protocol, written from the public spec; only the
//   field numbers have to match for the real exporters to talk to us.
// - Otlp/OtlpHttpReceiver: POST /v1/traces, /v1/logs, /v1/metrics, protobuf bodies (gzip or not),
//   as the OpenTelemetry .NET SDK's OTLP exporter sends them with Protocol = HttpProtobuf. Services
//   point OTEL_EXPORTER_OTLP_ENDPOINT at the dashboard; an optional x-otlp-api-key guards it.
// - Telemetry/TelemetryStore: spans grouped into traces and structured logs, in memory, bounded
//   (oldest traces evicted whole), with the queries the pages need: the trace list, one trace laid
//   out as a waterfall (depth, offset and width in ms, so parallel branches overlap), logs filtered
//   by service, level, text and trace id, and a change feed for live views.
//
// Use:
//     builder.Services.AddTelemetryStore();            // limits from Dashboard:Telemetry
//     app.MapOtlpHttpReceiver();
//     var traces = app.Services.GetRequiredService<TelemetryStore>().ListTraces();
using KtEvents.Dashboard.Telemetry;
using Microsoft.Extensions.DependencyInjection;

namespace KtEvents.Dashboard;

public static class TelemetryServiceExtensions
{
    /// <summary>
    /// Registers the store, with limits from the <c>Dashboard:Telemetry</c> configuration section,
    /// then <paramref name="configure"/> on top (the AppHost sets the API key it hands to services).
    /// </summary>
    public static IServiceCollection AddTelemetryStore(this IServiceCollection services, Action<TelemetryOptions>? configure = null)
    {
        var options = services.AddOptions<TelemetryOptions>()
            .BindConfiguration(TelemetryOptions.SectionName)
            .Validate(o => o.MaxSpanCount > 0 && o.MaxLogCount > 0 && o.MaxRequestBodySize > 0, "Dashboard:Telemetry limits must be positive.")
            .ValidateOnStart();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.AddSingleton<TelemetryStore>();
        return services;
    }
}
