using System.Diagnostics;
using KtEvents.Dashboard.Tests.Infrastructure;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace KtEvents.Dashboard.Tests;

/// <summary>
/// The OpenTelemetry .NET SDK's own OTLP exporter (http/protobuf) sends to the receiver, as the
/// services do: one trace across two services, with parallel branches and an error.
/// </summary>
public sealed class OtlpTraceExportTests : IAsyncLifetime
{
    private DashboardTestServer server = null!;

    public async Task InitializeAsync() => server = await DashboardTestServer.StartAsync();

    public async Task DisposeAsync() => await server.DisposeAsync();

    [Fact]
    public void A_trace_across_two_services_arrives_whole_with_parallel_branches_side_by_side()
    {
        // Each provider stands for one service: its own resource, listening to its own source.
        using var gatewaySource = new ActivitySource("KtEvents.Dashboard.Tests.Gateway");
        using var eventSource = new ActivitySource("KtEvents.Dashboard.Tests.Event");
        using var gateway = TracerProvider(gatewaySource.Name, "gateway");
        using var events = TracerProvider(eventSource.Name, "event");

        // Fixed times, so the layout is known without depending on how fast this machine runs.
        var t0 = DateTime.UtcNow.AddSeconds(-5);
        string parentId, trendsId, plansId;
        ActivityTraceId traceId;
        using (var parent = gatewaySource.StartActivity("POST /api/events/recommend", ActivityKind.Server)!)
        {
            parent.SetStartTime(t0);
            traceId = parent.TraceId;
            parentId = parent.SpanId.ToHexString();

            // The second service joins through the propagated parent context, as over gRPC.
            var trends = eventSource.StartActivity("event.trends", ActivityKind.Server, parent.Context)!;
            trends.SetStartTime(t0.AddMilliseconds(10));
            trends.SetTag("event.region", "seoul");
            var plans = gatewaySource.StartActivity("gateway.plans", ActivityKind.Client, parent.Context)!;
            plans.SetStartTime(t0.AddMilliseconds(20));
            plans.SetStatus(ActivityStatusCode.Error, "plans timed out");
            plans.AddEvent(new ActivityEvent("retry", new DateTimeOffset(t0.AddMilliseconds(30)), new ActivityTagsCollection { ["attempt"] = 2 }));
            trendsId = trends.SpanId.ToHexString();
            plansId = plans.SpanId.ToHexString();

            plans.SetEndTime(t0.AddMilliseconds(50));
            plans.Dispose();
            trends.SetEndTime(t0.AddMilliseconds(60));
            trends.Dispose();
            parent.SetEndTime(t0.AddMilliseconds(100));
        }

        Assert.True(events.ForceFlush(10_000));
        Assert.True(gateway.ForceFlush(10_000));

        var summary = Assert.Single(server.Store.ListTraces());
        Assert.Equal(traceId.ToHexString(), summary.TraceId);
        Assert.Equal("POST /api/events/recommend", summary.RootName);
        Assert.Equal("gateway", summary.RootService);
        Assert.Equal(["gateway", "event"], summary.Services);
        Assert.Equal(3, summary.SpanCount);
        Assert.True(summary.HasError);
        Assert.Equal(TimeSpan.FromMilliseconds(100), summary.Duration);

        var trace = server.Store.GetTrace(summary.TraceId)!;
        Assert.Equal([parentId, trendsId, plansId], trace.Spans.Select(s => s.Span.SpanId));
        Assert.Equal([0, 1, 1], trace.Spans.Select(s => s.Depth));
        var (root, trendsBar, plansBar) = (trace.Spans[0], trace.Spans[1], trace.Spans[2]);
        Assert.Null(root.Span.ParentSpanId);
        Assert.Equal(parentId, trendsBar.Span.ParentSpanId);
        Assert.Equal(parentId, plansBar.Span.ParentSpanId);
        Assert.Equal("event", trendsBar.Span.ServiceName);
        Assert.Equal("gateway", plansBar.Span.ServiceName);
        Assert.Equal(ActivityKind.Client, plansBar.Span.Kind);
        Assert.Contains(trendsBar.Span.Attributes, a => a is { Key: "event.region", Value: "seoul" });

        Assert.True(plansBar.Span.IsError);
        Assert.Equal("plans timed out", plansBar.Span.StatusMessage);
        var retry = Assert.Single(plansBar.Span.Events);
        Assert.Equal(("retry", new DateTimeOffset(t0.AddMilliseconds(30))), (retry.Name, retry.Time));
        Assert.Equal([new("attempt", "2")], retry.Attributes);
        Assert.False(trendsBar.Span.IsError);
        Assert.False(root.Span.IsError);

        // Bars in ms from the trace's start: the two branches overlap between 20 and 50 ms.
        Assert.Equal((0d, 100d), (root.OffsetMs, root.WidthMs));
        Assert.Equal((10d, 50d), (trendsBar.OffsetMs, trendsBar.WidthMs));
        Assert.Equal((20d, 30d), (plansBar.OffsetMs, plansBar.WidthMs));
        Assert.True(plansBar.OffsetMs < trendsBar.OffsetMs + trendsBar.WidthMs
            && trendsBar.OffsetMs < plansBar.OffsetMs + plansBar.WidthMs);
    }

    private TracerProvider TracerProvider(string sourceName, string serviceName) =>
        Sdk.CreateTracerProviderBuilder()
            .SetResourceBuilder(ResourceBuilder.CreateEmpty().AddService(serviceName))
            .AddSource(sourceName)
            .AddOtlpExporter(o =>
            {
                o.Protocol = OtlpExportProtocol.HttpProtobuf;
                o.Endpoint = server.Endpoint("/v1/traces");
            })
            .Build();
}
