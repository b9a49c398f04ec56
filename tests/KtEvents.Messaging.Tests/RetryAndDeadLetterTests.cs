using System.Text;
using System.Text.Json;

using KtEvents.Messaging.EventBus;
using KtEvents.Messaging.Tests.Events;
using KtEvents.Messaging.Tests.Handlers;
using KtEvents.Messaging.Tests.Infrastructure;
using KtEvents.Messaging.Topology;
using KtEvents.Testing;

using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

using RabbitMQ.Client;

namespace KtEvents.Messaging.Tests;

/// <summary>
/// eShop acks a message whose handler threw; ours retries it with a delay, dead-letters it with the
/// reason after the configured attempts, and never holds up the messages behind it.
/// </summary>
public sealed class RetryAndDeadLetterTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_message_whose_handler_always_fails_ends_in_the_DLQ_after_the_configured_attempts_while_others_keep_flowing()
    {
        const int MaxAttempts = 4;
        const int GoodCount = 20;
        var queue = $"kt-test-pills-{Guid.NewGuid():N}";
        var broker = await SharedServers.RabbitMqAsync();
        await TestSchema.CreateAsync(database.DataSource);
        // One message at a time: if a failing message occupied the consumer while it waits for its
        // retry, nothing else could be handled meanwhile. Retry delays 1 s, 2 s, 4 s.
        using var host = TestHost.Create(database.ConnectionString, broker.ConnectionString, queue,
            bus => bus
                .AddSubscription<PoisonPillIntegrationEvent, FailingHandler<PoisonPillIntegrationEvent>>()
                .AddSubscription<VitaminTakenIntegrationEvent, RecordingHandler<VitaminTakenIntegrationEvent>>(),
            new Dictionary<string, string?>
            {
                ["EventBus:MaxAttempts"] = MaxAttempts.ToString(),
                ["EventBus:RetryDelay"] = "00:00:01",
                ["EventBus:MaxRetryDelay"] = "00:00:04",
                ["EventBus:ConsumerConcurrency"] = "1",
                ["EventBus:PrefetchCount"] = "1",
            });
        await host.StartAsync();
        await using var client = await BrokerClient.ConnectAsync(broker.ConnectionString);
        await client.WaitForConsumerAsync(queue);
        var probe = host.Services.GetRequiredService<HandlerProbe>();
        var eventBus = host.Services.GetRequiredService<IEventBus>();

        var pill = new PoisonPillIntegrationEvent("pill");
        await eventBus.PublishAsync(pill);
        await Eventually.UntilAsync("the pill's first attempt failed", () => probe.For(pill.Id).Count >= 1, Timeout);
        var vitamins = Enumerable.Range(1, GoodCount).Select(number => new VitaminTakenIntegrationEvent(number)).ToList();
        foreach (var vitamin in vitamins)
        {
            await eventBus.PublishAsync(vitamin);
        }

        await Eventually.UntilAsync("the pill is in the DLQ",
            async () => await client.MessageCountAsync(EventBusTopology.DeadLetterQueue(queue)) == 1, Timeout);
        var dead = await client.GetAsync(EventBusTopology.DeadLetterQueue(queue));

        Assert.NotNull(dead);
        Assert.Equal(pill.Id.ToString(), dead.BasicProperties.MessageId);
        Assert.Equal("test.poison-pill-swallowed", dead.BasicProperties.Type);
        Assert.Equal(MaxAttempts, MessageHeaders.GetInt32(dead.BasicProperties.Headers, MessageHeaders.Attempt));
        Assert.Equal($"InvalidOperationException: {FailingHandler<PoisonPillIntegrationEvent>.Failure}",
            MessageHeaders.GetString(dead.BasicProperties.Headers, MessageHeaders.FailureReason));
        Assert.Equal(typeof(InvalidOperationException).FullName,
            MessageHeaders.GetString(dead.BasicProperties.Headers, MessageHeaders.FailureException));
        Assert.NotNull(MessageHeaders.GetString(dead.BasicProperties.Headers, MessageHeaders.FailedAt));
        Assert.Equal(pill, JsonSerializer.Deserialize<PoisonPillIntegrationEvent>(dead.Body.Span, JsonSerializerOptions.Web));

        // The handler saw each attempt once, numbered, and nothing more after the last.
        var pillCalls = probe.For(pill.Id);
        Assert.Equal(Enumerable.Range(1, MaxAttempts), pillCalls.Select(call => call.Attempt));
        // Every vitamin was handled while the pill was still waiting for a retry.
        var vitaminCalls = vitamins.SelectMany(vitamin => probe.For(vitamin.Id)).ToList();
        Assert.Equal(GoodCount, vitaminCalls.Count);
        Assert.All(vitaminCalls, call => Assert.True(call.Sequence < pillCalls[^1].Sequence,
            $"Vitamin handled as call {call.Sequence}, after the pill's last attempt (call {pillCalls[^1].Sequence})."));
        // Each failed attempt rolled back its own write and left no inbox row.
        Assert.Equal(0, await TestSchema.ScalarAsync(database.DataSource,
            "SELECT count(*) FROM handled_events WHERE event_id = @id", ("id", pill.Id)));
        Assert.Equal(0, await TestSchema.ScalarAsync(database.DataSource,
            "SELECT count(*) FROM kt_inbox WHERE message_id = @id", ("id", pill.Id)));
        Assert.Equal(0u, await client.MessageCountAsync(queue));
        Assert.Equal(0u, await client.MessageCountAsync(EventBusTopology.RetryQueue(queue)));
        await host.StopAsync();
    }

    [Fact]
    public async Task An_unreadable_message_goes_to_the_DLQ_at_once_with_the_reason()
    {
        var queue = $"kt-test-unreadable-{Guid.NewGuid():N}";
        var broker = await SharedServers.RabbitMqAsync();
        await TestSchema.CreateAsync(database.DataSource);
        using var host = TestHost.Create(database.ConnectionString, broker.ConnectionString, queue,
            bus => bus.AddSubscription<VitaminTakenIntegrationEvent, RecordingHandler<VitaminTakenIntegrationEvent>>());
        await host.StartAsync();
        await using var client = await BrokerClient.ConnectAsync(broker.ConnectionString);
        await client.WaitForConsumerAsync(queue);
        var messageId = Guid.CreateVersion7().ToString();

        await client.PublishAsync("", queue, new BasicProperties { MessageId = messageId, Type = "test.vitamin-taken" },
            Encoding.UTF8.GetBytes("{ this is not JSON"));

        await Eventually.UntilAsync("the message is in the DLQ",
            async () => await client.MessageCountAsync(EventBusTopology.DeadLetterQueue(queue)) == 1, Timeout);
        var dead = await client.GetAsync(EventBusTopology.DeadLetterQueue(queue));
        Assert.NotNull(dead);
        Assert.Equal(messageId, dead.BasicProperties.MessageId);
        Assert.Equal(1, MessageHeaders.GetInt32(dead.BasicProperties.Headers, MessageHeaders.Attempt));
        Assert.StartsWith("The body is not a valid VitaminTakenIntegrationEvent",
            MessageHeaders.GetString(dead.BasicProperties.Headers, MessageHeaders.FailureReason));
        Assert.Empty(host.Services.GetRequiredService<HandlerProbe>().Calls);
        await host.StopAsync();
    }
}
