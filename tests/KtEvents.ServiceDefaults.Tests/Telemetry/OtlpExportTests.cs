using System.Diagnostics;

using KtEvents.ServiceDefaults.Telemetry;
using KtEvents.ServiceDefaults.Tests.Infrastructure;

using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Logging;

namespace KtEvents.ServiceDefaults.Tests.Telemetry;

public sealed partial class OtlpExportTests
{
    private static readonly ActivitySource Source = new($"{KtEventsTelemetry.Prefix}ServiceDefaults.Tests");

    [Fact]
    public async Task Request_spans_logs_and_metrics_reach_the_OTLP_endpoint_over_http_protobuf()
    {
        await using var collector = await OtlpCollector.StartAsync();
        var serviceName = $"otlp-test-{Guid.NewGuid():N}";
        var app = await RunningApp.StartAsync(
            app =>
            {
                app.MapDefaultEndpoints();
                app.MapGet("/ping", (ILogger<OtlpExportTests> logger) =>
                {
                    using var activity = Source.StartActivity("ping-work");
                    LogPing(logger, "pong-7f3a");
                    return "pong";
                });
            },
            builder =>
            {
                builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"] = collector.Endpoint.ToString();
                builder.Configuration["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf";
                builder.Configuration["OTEL_SERVICE_NAME"] = serviceName;
                builder.Configuration["OTEL_RESOURCE_ATTRIBUTES"] = "service.instance.id=replica-1";
                builder.Logging.SetMinimumLevel(LogLevel.Information);
                builder.AddServiceDefaults();
            });
        using (var client = app.CreateClient())
        {
            Assert.Equal("pong", await client.GetStringAsync("/ping"));
        }

        // Stopping the host disposes the providers, which flushes the batches: no waiting on timers.
        await app.DisposeAsync();

        var traces = collector.Exports.FirstOrDefault(e => e.Path == "/v1/traces" && e.Contains("ping-work"));
        Assert.NotNull(traces);
        Assert.Equal("application/x-protobuf", traces.ContentType);
        Assert.NotEmpty(traces.Body);
        Assert.True(traces.Contains(serviceName), "the resource carries OTEL_SERVICE_NAME");
        Assert.True(traces.Contains("replica-1"), "the resource carries OTEL_RESOURCE_ATTRIBUTES");
        Assert.True(traces.Contains("Microsoft.AspNetCore"), "the ASP.NET Core server span is exported");
        Assert.True(traces.Contains("GET /ping") && traces.Contains("http.route"), "the server span is named after its route");
        Assert.Contains(collector.Exports, e => e.Path == "/v1/logs" && e.Contains("pong-7f3a"));
        Assert.Contains(collector.Exports, e => e.Path == "/v1/metrics" && e.Contains("http.server.request.duration"));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Answered ping with {Answer}")]
    private static partial void LogPing(ILogger logger, string answer);
}
