using System.Collections.Concurrent;
using System.Diagnostics;

using KtEvents.Messaging.Diagnostics;
using KtEvents.Messaging.EventBus;
using KtEvents.Messaging.Outbox;
using KtEvents.Messaging.Tests.Events;
using KtEvents.Messaging.Tests.Handlers;
using KtEvents.Messaging.Tests.Infrastructure;
using KtEvents.Testing;

using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

using OpenTelemetry;
using OpenTelemetry.Trace;

namespace KtEvents.Messaging.Tests;

/// <summary>One trace from the request that wrote the event, through the relay, to the handler.</summary>
public sealed class TraceContextTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>, IDisposable
{
    private const string RequestSourceName = "KtEvents.Messaging.Tests.Request";

    private readonly ActivitySource requestSource = new(RequestSourceName);
    private readonly ConcurrentQueue<Activity> stopped = new();
    private readonly ActivityListener listener = new()
    {
        ShouldListenTo = source => source.Name is MessagingTelemetry.SourceName or RequestSourceName,
        Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
    };

    [Fact]
    public async Task The_consumer_activity_continues_the_trace_of_the_activity_that_published_the_event()
    {
        listener.ActivityStopped = stopped.Enqueue;
        ActivitySource.AddActivityListener(listener);
        var queue = $"kt-test-traces-{Guid.NewGuid():N}";
        var broker = await SharedServers.RabbitMqAsync();
        await TestSchema.CreateAsync(database.DataSource);
        using var host = TestHost.Create(database.ConnectionString, broker.ConnectionString, queue,
            bus => bus.AddSubscription<TraceProbedIntegrationEvent, RecordingHandler<TraceProbedIntegrationEvent>>());
        await host.StartAsync();
        await using (var client = await BrokerClient.ConnectAsync(broker.ConnectionString))
        {
            await client.WaitForConsumerAsync(queue);
        }
        var outbox = host.Services.GetRequiredService<IIntegrationEventOutbox>();

        var probe = new TraceProbedIntegrationEvent("traced");
        ActivityContext request;
        using (var requestActivity = requestSource.StartActivity("POST /api/probes", ActivityKind.Server)!)
        {
            request = requestActivity.Context;
            await using var connection = await database.DataSource.OpenConnectionAsync();
            await using var transaction = await connection.BeginTransactionAsync();
            await outbox.AddAsync(probe, transaction);
            await transaction.CommitAsync();
        }

        var calls = host.Services.GetRequiredService<HandlerProbe>();
        await Eventually.UntilAsync("the probe is handled", () => calls.For(probe.Id).Count == 1, TimeSpan.FromSeconds(60));
        var handled = calls.For(probe.Id).Single();
        Assert.Equal("process test.trace-probed", handled.ActivityName);
        Assert.Equal(request.TraceId, handled.Activity?.TraceId);

        // create (in the request) → publish (in the relay, later) → process (in the consumer): a chain.
        List<Activity> Spans() => [.. stopped.Where(activity => Equals(activity.GetTagItem(MessagingTelemetry.MessageIdTag), probe.Id.ToString()))];
        await Eventually.UntilAsync("the process span has ended", () => Spans().Count == 3, TimeSpan.FromSeconds(30));
        var spans = Spans();
        var create = Assert.Single(spans, span => span.OperationName == "create test.trace-probed");
        var publish = Assert.Single(spans, span => span.OperationName == "publish test.trace-probed");
        var process = Assert.Single(spans, span => span.OperationName == "process test.trace-probed");
        Assert.All(spans, span => Assert.Equal(request.TraceId, span.TraceId));
        Assert.Equal(request.SpanId, create.ParentSpanId);
        Assert.Equal(create.SpanId, publish.ParentSpanId);
        Assert.Equal(publish.SpanId, process.ParentSpanId);
        Assert.Equal((ActivityKind.Producer, ActivityKind.Producer, ActivityKind.Consumer), (create.Kind, publish.Kind, process.Kind));
        await host.StopAsync();
    }

    [Fact]
    public async Task With_OpenTelemetry_tracing_the_RabbitMQ_client_spans_join_the_same_trace()
    {
        var ended = new ConcurrentQueue<Activity>();
        var queue = $"kt-test-otel-{Guid.NewGuid():N}";
        var broker = await SharedServers.RabbitMqAsync();
        await TestSchema.CreateAsync(database.DataSource);
        // Only the request's source is added here: AddRabbitMQClient must have added the others.
        using var host = TestHost.Create(database.ConnectionString, broker.ConnectionString, queue,
            bus => bus.AddSubscription<TraceProbedIntegrationEvent, RecordingHandler<TraceProbedIntegrationEvent>>(),
            configureServices: services => new TestOpenTelemetryBuilder(services)
                .WithTracing(tracing => tracing.AddSource(RequestSourceName).AddProcessor(new CapturingProcessor(ended))));
        // Resolving the provider starts its listener (ServiceDefaults does this in a hosted service).
        _ = host.Services.GetRequiredService<TracerProvider>();
        await host.StartAsync();
        await using (var client = await BrokerClient.ConnectAsync(broker.ConnectionString))
        {
            await client.WaitForConsumerAsync(queue);
        }

        var probe = new TraceProbedIntegrationEvent("traced by OpenTelemetry");
        ActivityTraceId traceId;
        using (var requestActivity = requestSource.StartActivity("POST /api/probes", ActivityKind.Server)!)
        {
            traceId = requestActivity.TraceId;
            await host.Services.GetRequiredService<IEventBus>().PublishAsync(probe);
        }

        List<Activity> Trace() => [.. ended.Where(span => span.TraceId == traceId)];
        await Eventually.UntilAsync("the process span is exported",
            () => Trace().Any(span => span.OperationName == "process test.trace-probed"), TimeSpan.FromSeconds(60));
        var trace = Trace();
        var ours = Assert.Single(trace, span => span.OperationName == "publish test.trace-probed" && span.Source.Name == MessagingTelemetry.SourceName);
        var library = Assert.Single(trace, span => span.Source.Name == RabbitMQ.Client.RabbitMQActivitySource.PublisherSourceName);
        var process = Assert.Single(trace, span => span.OperationName == "process test.trace-probed");
        // RabbitMQ.Client's publish span is a child of ours and writes its own traceparent; the
        // consumer continues from it, so the trace stays one unbroken chain.
        Assert.Equal(ours.SpanId, library.ParentSpanId);
        Assert.Equal(library.SpanId, process.ParentSpanId);
        Assert.Equal(traceId, host.Services.GetRequiredService<HandlerProbe>().For(probe.Id).Single().Activity?.TraceId);
        await host.StopAsync();
    }

    public void Dispose()
    {
        listener.Dispose();
        requestSource.Dispose();
    }
}
