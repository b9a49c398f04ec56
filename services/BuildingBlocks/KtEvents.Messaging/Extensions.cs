// KtEvents.Messaging — integration events between services over RabbitMQ, with a transactional
// outbox in the publisher's Postgres and an inbox in the consumer's (ARCHITECTURE.md §5).
//
//   builder.AddNpgsqlDataSource("participationdb");
//   builder.AddRabbitMQClient("messaging");                    // ConnectionStrings:messaging = amqp://…
//   builder.AddEventBus("kt-participation")                    // this service's queue
//       .AddSubscription<EventApprovedIntegrationEvent, EventApprovedIntegrationEventHandler>();
//
//   // publishing, in the transaction that makes the change the event describes:
//   await outbox.AddAsync(new ParticipantRegisteredIntegrationEvent(…), transaction, ct);
//   // or, for an event that stands alone: await eventBus.PublishAsync(@event, ct);
//
//   // handling: IIntegrationEventHandler<T>.Handle(@event, ct); inject IntegrationEventContext to
//   // write through its Connection/Transaction, committed together with the inbox row.
//
// Topology (Topology/EventBusTopology.cs): durable topic exchange kt.events, routing key from the
// event's [RoutingKey]; per consuming service a durable queue kt-<service> bound to its keys, a
// retry queue kt-<service>.retry (per-message TTL, dead-letters back) and a DLQ kt-<service>.dlq
// behind the direct exchange kt.events.dlx. Bodies are System.Text.Json (web defaults); message_id
// is the event id, type the routing key, and traceparent/tracestate travel in the headers.
//
// Guarantees. Publishing: the event row commits with the state change or not at all; the relay
// (Outbox/OutboxRelay.cs) is woken by the commit's NOTIFY (polling as fallback), claims rows with
// FOR UPDATE SKIP LOCKED so replicas share the work, publishes them in order with publisher
// confirms, and on any failure retries with capped exponential backoff forever. Consuming: at
// least once from the broker, exactly once in effect for work done in the handler's transaction
// (the inbox row is part of it); ack only after commit. A failing handler is never acked as a
// success: its message is re-queued with a delay through the retry queue and, after MaxAttempts,
// lands in the DLQ with the reason in x-kt-* headers, while other messages keep flowing. Ordering
// is best effort (retries and parallel handling reorder), so handlers must not depend on it.
//
// Telemetry: ActivitySource and Meter "KtEvents.Messaging" (create → publish → process, one trace
// from the request that wrote the event to the handler) plus RabbitMQ.Client's own
// "RabbitMQ.Client.Publisher"/"RabbitMQ.Client.Subscriber". Logs carry ids and routing keys, never
// message bodies, which can hold personal data.
using KtEvents.Data;
using KtEvents.Messaging.Connection;
using KtEvents.Messaging.Consuming;
using KtEvents.Messaging.Diagnostics;
using KtEvents.Messaging.EventBus;
using KtEvents.Messaging.Migrations;
using KtEvents.Messaging.Outbox;

using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;

using OpenTelemetry.Trace;

using RabbitMQ.Client;

namespace KtEvents.Messaging;

public static class Extensions
{
    /// <summary>
    /// Registers the process's RabbitMQ connection (Aspire.RabbitMQ.Client's name and configuration):
    /// <see cref="RabbitMQConnectionProvider"/> opens it on first use, asynchronously, with automatic
    /// recovery; a readiness health check named <paramref name="connectionName"/> tagged "ready"; and
    /// tracing of RabbitMQ.Client's and this block's ActivitySources.
    /// <see cref="IConnection"/> itself is registered too for code that wants it from DI; resolving it
    /// blocks until the broker answers, so async code should ask the provider instead.
    /// </summary>
    public static IHostApplicationBuilder AddRabbitMQClient(this IHostApplicationBuilder builder, string connectionName)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionName);
        var configuration = builder.Configuration;
        builder.Services.AddOptions<RabbitMQClientOptions>()
            .BindConfiguration(RabbitMQClientOptions.SectionName)
            .Configure(options =>
            {
                if (configuration.GetConnectionString(connectionName) is { Length: > 0 } connectionString)
                {
                    options.ConnectionString = connectionString;
                }
            })
            .ValidateDataAnnotations()
            .Validate(
                options => RabbitMQClientOptions.IsAmqpUri(options.ConnectionString),
                $"The RabbitMQ connection string is missing or not an amqp:// URI. Set 'ConnectionStrings:{connectionName}' (env ConnectionStrings__{connectionName}).")
            .ValidateOnStart();

        builder.Services.AddSingleton<RabbitMQConnectionProvider>();
        builder.Services.AddSingleton(services =>
            services.GetRequiredService<RabbitMQConnectionProvider>().GetConnectionAsync().GetAwaiter().GetResult());
        builder.Services.AddHealthChecks().Add(new HealthCheckRegistration(
            connectionName,
            services => new RabbitMQHealthCheck(services.GetRequiredService<RabbitMQConnectionProvider>()),
            failureStatus: HealthStatus.Unhealthy,
            tags: ["ready"],
            timeout: TimeSpan.FromSeconds(5)));
        builder.Services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddSource(
            RabbitMQActivitySource.PublisherSourceName,
            RabbitMQActivitySource.SubscriberSourceName,
            MessagingTelemetry.SourceName));
        return builder;
    }

    /// <summary>
    /// Registers the event bus of a service whose queue is <paramref name="queueName"/>
    /// (<c>kt-&lt;service&gt;</c>): <see cref="IEventBus"/>, <see cref="IIntegrationEventOutbox"/>, the
    /// outbox relay, the consumer (active once a subscription is added) and the outbox/inbox
    /// migrations. Needs <c>AddNpgsqlDataSource</c> and <see cref="AddRabbitMQClient"/>.
    /// Options: the <c>EventBus</c> section (<see cref="EventBusOptions"/>).
    /// </summary>
    public static IEventBusBuilder AddEventBus(this IHostApplicationBuilder builder, string queueName)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(queueName);
        var services = builder.Services;
        services.AddOptions<EventBusOptions>()
            .BindConfiguration(EventBusOptions.SectionName)
            // The queue is the service's identity in the broker and in the inbox; code names it, not configuration.
            .PostConfigure(options => options.QueueName = queueName)
            .ValidateDataAnnotations()
            .Validate(options => options.MaxRetryDelay >= options.RetryDelay, "EventBus:MaxRetryDelay must not be shorter than EventBus:RetryDelay.")
            .Validate(options => options.MaxReconnectDelay >= options.ReconnectDelay, "EventBus:MaxReconnectDelay must not be shorter than EventBus:ReconnectDelay.")
            .ValidateOnStart();
        services.AddOptions<EventBusSubscriptionInfo>();

        services.AddMigrations(MessagingMigrations.Set);
        services.AddSingleton<IIntegrationEventOutbox, PostgresIntegrationEventOutbox>();
        services.AddSingleton<IEventBus, OutboxEventBus>();
        services.AddScoped<IntegrationEventContext>();
        services.AddSingleton<OutboxSignal>();
        services.AddSingleton<DeliveryProcessor>();
        services.AddHostedService<OutboxNotificationListener>();
        services.AddHostedService<OutboxRelay>();
        services.AddHostedService<IntegrationEventConsumer>();
        return new EventBusBuilder(services);
    }
}
