using KtEvents.Messaging.EventBus;
using KtEvents.Messaging.Tests.Events;
using KtEvents.Messaging.Tests.Handlers;
using KtEvents.Messaging.Tests.Infrastructure;
using KtEvents.Testing;

using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

using RabbitMQ.Client;

namespace KtEvents.Messaging.Tests;

/// <summary>AddRabbitMQClient and AddEventBus: what they check at startup and what they register.</summary>
public sealed class RegistrationTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    [Fact]
    public async Task The_RabbitMQ_health_check_is_tagged_ready_and_healthy_when_the_broker_answers()
    {
        var broker = await SharedServers.RabbitMqAsync();
        using var host = TestHost.Create(database.ConnectionString, broker.ConnectionString, "kt-test-health");

        var report = await host.Services.GetRequiredService<HealthCheckService>()
            .CheckHealthAsync(registration => registration.Tags.Contains("ready"));

        Assert.Equal(HealthStatus.Healthy, report.Entries["messaging"].Status);
        Assert.True(host.Services.GetRequiredService<IConnection>().IsOpen);
    }

    [Fact]
    public async Task The_RabbitMQ_health_check_is_unhealthy_when_nothing_listens()
    {
        var closedPort = FreeLoopbackPort();
        using var host = TestHost.Create(database.ConnectionString, $"amqp://kt:kt@127.0.0.1:{closedPort}/", "kt-test-health-down");

        var report = await host.Services.GetRequiredService<HealthCheckService>()
            .CheckHealthAsync(registration => registration.Tags.Contains("ready"));

        Assert.Equal(HealthStatus.Unhealthy, report.Entries["messaging"].Status);
    }

    [Fact]
    public async Task A_missing_connection_string_stops_the_host_at_start_with_the_setting_to_fix()
    {
        using var host = TestHost.Create(database.ConnectionString, "", "kt-test-no-broker");

        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("ConnectionStrings:messaging", failure.Message);
    }

    [Fact]
    public async Task Invalid_event_bus_options_stop_the_host_at_start()
    {
        var broker = await SharedServers.RabbitMqAsync();
        using var host = TestHost.Create(database.ConnectionString, broker.ConnectionString, "kt-test-bad-options",
            settings: new Dictionary<string, string?> { ["EventBus:MaxAttempts"] = "0", ["EventBus:RetryDelay"] = "00:02:00" });

        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains(nameof(EventBusOptions.MaxAttempts), failure.Message);
        Assert.Contains("MaxRetryDelay", failure.Message);
    }

    [Fact]
    public void Code_names_the_queue_even_when_configuration_says_otherwise()
    {
        using var host = TestHost.Create(database.ConnectionString, "amqp://127.0.0.1/", "kt-test-named-in-code",
            settings: new Dictionary<string, string?> { ["EventBus:QueueName"] = "kt-test-named-in-config" });

        Assert.Equal("kt-test-named-in-code", host.Services.GetRequiredService<IOptions<EventBusOptions>>().Value.QueueName);
    }

    [Fact]
    public void An_event_without_a_routing_key_is_refused_when_subscribing()
    {
        var failure = Assert.Throws<InvalidOperationException>(() =>
            TestHost.Create("Host=127.0.0.1", "amqp://127.0.0.1/", "kt-test-unroutable",
                bus => bus.AddSubscription<UnroutableIntegrationEvent, RecordingHandler<UnroutableIntegrationEvent>>()));

        Assert.Contains("[RoutingKey(", failure.Message);
    }

    private static int FreeLoopbackPort()
    {
        using var socket = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        socket.Start();
        return ((System.Net.IPEndPoint)socket.LocalEndpoint).Port;
    }
}
