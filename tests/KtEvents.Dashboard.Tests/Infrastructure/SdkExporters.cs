using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Logs;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace KtEvents.Dashboard.Tests.Infrastructure;

/// <summary>The OpenTelemetry .NET SDK's OTLP exporters (http/protobuf) pointed at a test dashboard, one per pretend service.</summary>
public static class SdkExporters
{
    public static TracerProvider Tracing(DashboardTestServer server, string sourceName, string serviceName) =>
        Sdk.CreateTracerProviderBuilder()
            .SetResourceBuilder(ResourceBuilder.CreateEmpty().AddService(serviceName))
            .AddSource(sourceName)
            .AddOtlpExporter(o =>
            {
                o.Protocol = OtlpExportProtocol.HttpProtobuf;
                o.Endpoint = server.Endpoint("/v1/traces");
            })
            .Build();

    /// <summary>Disposing the factory exports what is still batched.</summary>
    public static ILoggerFactory Logging(DashboardTestServer server, string serviceName) =>
        LoggerFactory.Create(logging => logging.AddOpenTelemetry(o =>
        {
            o.SetResourceBuilder(ResourceBuilder.CreateEmpty().AddService(serviceName));
            o.IncludeFormattedMessage = true;
            o.AddOtlpExporter(e =>
            {
                e.Protocol = OtlpExportProtocol.HttpProtobuf;
                e.Endpoint = server.Endpoint("/v1/logs");
            });
        }));
}
