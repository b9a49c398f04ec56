using KtEvents.Messaging.EventBus;
using KtEvents.Messaging.Tests.Events;
using KtEvents.Messaging.Tests.Handlers;
using KtEvents.Messaging.Tests.Infrastructure;
using KtEvents.Messaging.Topology;
using KtEvents.Testing;

using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace KtEvents.Messaging.Tests;

/// <summary>
/// <see cref="IntegrationEventContext.OnCommitted"/>: what a handler defers (the services' live hints
/// to browsers) runs after the message's transaction commits, so it sees the handler's writes, and
/// never for an attempt that rolled back.
/// </summary>
public sealed class AfterCommitTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Callbacks_run_after_the_commit_and_never_for_an_attempt_that_rolled_back()
    {
        var queue = $"kt-test-after-commit-{Guid.NewGuid():N}";
        var broker = await SharedServers.RabbitMqAsync();
        await TestSchema.CreateAsync(database.DataSource);
        using var host = TestHost.Create(database.ConnectionString, broker.ConnectionString, queue,
            bus => bus.AddSubscription<CallbackProbedIntegrationEvent, AfterCommitHandler>(),
            new Dictionary<string, string?> { ["EventBus:MaxAttempts"] = "2" },
            services => services.AddSingleton<AfterCommitProbe>());
        await host.StartAsync();
        await using var client = await BrokerClient.ConnectAsync(broker.ConnectionString);
        await client.WaitForConsumerAsync(queue);
        var probe = host.Services.GetRequiredService<AfterCommitProbe>();
        var eventBus = host.Services.GetRequiredService<IEventBus>();

        var rolledBack = new CallbackProbedIntegrationEvent(Fails: true);
        var committed = new CallbackProbedIntegrationEvent(Fails: false);
        await eventBus.PublishAsync(rolledBack);
        await Eventually.UntilAsync("the failing event is in the DLQ",
            async () => await client.MessageCountAsync(EventBusTopology.DeadLetterQueue(queue)) == 1, Timeout);
        await eventBus.PublishAsync(committed);
        await Eventually.UntilAsync("the committed event's callback ran", () => !probe.RowsSeenAfterCommit.IsEmpty, Timeout);

        // Once, after the failing callback registered before it, and seeing the committed row.
        Assert.Equal([(committed.Id, 1)], probe.RowsSeenAfterCommit);
        Assert.DoesNotContain(probe.RowsSeenAfterCommit, seen => seen.EventId == rolledBack.Id);
        await host.StopAsync();
    }

    [Fact]
    public void Registering_outside_a_handler_is_a_programming_error()
    {
        var context = new IntegrationEventContext();

        Assert.Throws<InvalidOperationException>(() => context.OnCommitted(() => Task.CompletedTask));
    }
}
