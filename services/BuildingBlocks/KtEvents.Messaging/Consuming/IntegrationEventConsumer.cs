using System.Diagnostics;

using KtEvents.Messaging.Connection;
using KtEvents.Messaging.EventBus;
using KtEvents.Messaging.Topology;

using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace KtEvents.Messaging.Consuming;

/// <summary>
/// Keeps one consuming channel on the service's queue: opens it, declares the topology, consumes
/// with manual acks, and when the channel closes for any reason (broker restart, lost connection,
/// a channel error) opens a new one after a backoff. A service without subscriptions consumes nothing.
/// </summary>
internal sealed partial class IntegrationEventConsumer(
    RabbitMQConnectionProvider connections,
    DeliveryProcessor processor,
    IOptions<EventBusOptions> options,
    IOptions<EventBusSubscriptionInfo> subscriptions,
    ILogger<IntegrationEventConsumer> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Deliveries start their own activities from the message's trace context.
        Activity.Current = null;
        var settings = options.Value;
        var routingKeys = subscriptions.Value.EventTypes.Keys.Order(StringComparer.Ordinal).ToArray();
        if (routingKeys.Length == 0)
        {
            LogPublishOnly(logger, settings.QueueName);
            return;
        }

        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            IChannel? channel = null;
            try
            {
                var connection = await connections.GetConnectionAsync(stoppingToken);
                channel = await connection.CreateChannelAsync(
                    new CreateChannelOptions(
                        // The channel also publishes the retry and dead-letter copies, and acks the
                        // original only after the broker confirmed its copy.
                        publisherConfirmationsEnabled: true,
                        publisherConfirmationTrackingEnabled: true,
                        consumerDispatchConcurrency: (ushort)settings.ConsumerConcurrency),
                    stoppingToken);
                var closed = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
                channel.ChannelShutdownAsync += (_, reason) =>
                {
                    closed.TrySetResult($"{reason.ReplyCode} {reason.ReplyText}");
                    return Task.CompletedTask;
                };

                await EventBusTopology.DeclareConsumerAsync(channel, settings.QueueName, routingKeys, stoppingToken);
                await channel.BasicQosAsync(prefetchSize: 0, prefetchCount: (ushort)settings.PrefetchCount, global: false, stoppingToken);
                var consumer = new AsyncEventingBasicConsumer(channel);
                var consuming = channel;
                consumer.ReceivedAsync += (_, delivery) => processor.ProcessAsync(consuming, delivery, stoppingToken);
                await channel.BasicConsumeAsync(settings.QueueName, autoAck: false, consumer, stoppingToken);
                LogConsuming(logger, settings.QueueName, string.Join(", ", routingKeys));
                failures = 0;

                var reason = await closed.Task.WaitAsync(stoppingToken);
                LogChannelClosed(logger, settings.QueueName, reason);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                failures++;
                LogConsumeFailed(logger, ex, settings.QueueName, failures);
            }
            finally
            {
                if (channel is not null)
                {
                    await ChannelCloser.CloseQuietlyAsync(channel);
                }
            }

            try
            {
                await Task.Delay(Backoff.WithJitter(Math.Max(failures, 1), settings.ReconnectDelay, settings.MaxReconnectDelay), stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }

    [LoggerMessage(LogLevel.Information, "{Queue} has no subscriptions; it publishes only")]
    private static partial void LogPublishOnly(ILogger logger, string queue);

    [LoggerMessage(LogLevel.Information, "Consuming {Queue} (routing keys {RoutingKeys})")]
    private static partial void LogConsuming(ILogger logger, string queue, string routingKeys);

    [LoggerMessage(LogLevel.Warning, "Channel of {Queue} closed ({Reason}); opening a new one")]
    private static partial void LogChannelClosed(ILogger logger, string queue, string reason);

    [LoggerMessage(LogLevel.Warning, "Cannot consume {Queue} ({Failures} failures in a row); retrying")]
    private static partial void LogConsumeFailed(ILogger logger, Exception exception, string queue, int failures);
}
