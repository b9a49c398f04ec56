using System.Diagnostics;
using KtEvents.Dashboard.Telemetry;
using KtEvents.Dashboard.Tests.Infrastructure;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Logs;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace KtEvents.Dashboard.Tests;

/// <summary>
/// Structured logs sent by the OpenTelemetry logging provider's OTLP exporter (http/protobuf):
/// they keep their message, level, attributes, and the trace and span they were written in.
/// </summary>
public sealed class OtlpLogExportTests : IAsyncLifetime
{
    private DashboardTestServer server = null!;

    public async Task InitializeAsync() => server = await DashboardTestServer.StartAsync();

    public async Task DisposeAsync() => await server.DisposeAsync();

    [Fact]
    public void A_log_written_inside_a_span_carries_that_spans_trace_and_its_attributes()
    {
        using var source = new ActivitySource("KtEvents.Dashboard.Tests.Logs");
        using var tracing = Sdk.CreateTracerProviderBuilder()
            .SetResourceBuilder(ResourceBuilder.CreateEmpty().AddService("event"))
            .AddSource(source.Name)
            .AddOtlpExporter(o =>
            {
                o.Protocol = OtlpExportProtocol.HttpProtobuf;
                o.Endpoint = server.Endpoint("/v1/traces");
            })
            .Build();

        ActivityTraceId traceId;
        ActivitySpanId spanId;
        using (var loggerFactory = LoggerFactory.Create(logging => logging.AddOpenTelemetry(o =>
        {
            o.SetResourceBuilder(ResourceBuilder.CreateEmpty().AddService("event"));
            o.IncludeFormattedMessage = true;
            o.AddOtlpExporter(e =>
            {
                e.Protocol = OtlpExportProtocol.HttpProtobuf;
                e.Endpoint = server.Endpoint("/v1/logs");
            });
        })))
        {
            var logger = loggerFactory.CreateLogger("KtEvents.Event.Wizard");
            TestLog.StepSaved(logger, 1);
            using (var activity = source.StartActivity("event.approve")!)
            {
                traceId = activity.TraceId;
                spanId = activity.SpanId;
                TestLog.PlanPicked(logger, 42, "kt-cafe");
            }

            // Disposing the factory shuts the provider down, which exports what is still batched.
        }

        Assert.True(tracing.ForceFlush(10_000));

        var logs = server.Store.ListLogs(new LogQuery());
        Assert.Equal(2, logs.Count);

        var picked = Assert.Single(server.Store.ListLogs(new LogQuery(TraceId: traceId.ToHexString())));
        Assert.Equal("Plan 42 picked for store kt-cafe", picked.Message);
        Assert.Equal(LogLevel.Warning, picked.Level);
        Assert.Equal("event", picked.ServiceName);
        Assert.Equal("KtEvents.Event.Wizard", picked.Category);
        Assert.Equal(spanId.ToHexString(), picked.SpanId);
        Assert.Contains(picked.Attributes, a => a is { Key: "PlanId", Value: "42" });
        Assert.Contains(picked.Attributes, a => a is { Key: "StoreName", Value: "kt-cafe" });

        // The link from the log to its trace resolves: the span it was written in is stored.
        var trace = server.Store.GetTrace(picked.TraceId!)!;
        Assert.Equal(spanId.ToHexString(), Assert.Single(trace.Spans).Span.SpanId);

        var outsideSpan = logs.Single(l => l != picked);
        Assert.Equal("Wizard step 1 saved", outsideSpan.Message);
        Assert.Null(outsideSpan.TraceId);
        Assert.Null(outsideSpan.SpanId);
    }

    [Fact]
    public void Stored_logs_filter_by_service_level_and_text()
    {
        foreach (var service in new[] { "event", "ai" })
        {
            using var loggerFactory = LoggerFactory.Create(logging => logging.AddOpenTelemetry(o =>
            {
                o.SetResourceBuilder(ResourceBuilder.CreateEmpty().AddService(service));
                o.IncludeFormattedMessage = true;
                o.AddOtlpExporter(e =>
                {
                    e.Protocol = OtlpExportProtocol.HttpProtobuf;
                    e.Endpoint = server.Endpoint("/v1/logs");
                });
            }));
            var logger = loggerFactory.CreateLogger("KtEvents.Tests");
            TestLog.StepSaved(logger, 3);
            TestLog.PlanPicked(logger, 7, service + "-store");
        }

        Assert.Equal(4, server.Store.ListLogs(new LogQuery()).Count);
        Assert.All(server.Store.ListLogs(new LogQuery(Service: "ai")), l => Assert.Equal("ai", l.ServiceName));
        Assert.Equal(2, server.Store.ListLogs(new LogQuery(Service: "ai")).Count);
        Assert.Equal(2, server.Store.ListLogs(new LogQuery(MinLevel: LogLevel.Warning)).Count);
        Assert.Equal("Plan 7 picked for store ai-store", Assert.Single(server.Store.ListLogs(new LogQuery(Text: "AI-STORE"))).Message);
        Assert.Single(server.Store.ListLogs(new LogQuery(Service: "event", MinLevel: LogLevel.Warning)));
        Assert.Equal(["ai", "event"], server.Store.ListServices());
    }
}
