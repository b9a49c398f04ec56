using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json;

using KtEvents.Contracts.IntegrationEvents;
using KtEvents.Messaging.Diagnostics;
using KtEvents.Messaging.EventBus;

using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

using Npgsql;

using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace KtEvents.Messaging.Consuming;

/// <summary>
/// Settles one delivery. Handled: inbox row + handlers' work committed in one transaction, then ack.
/// Already in the inbox: ack without handling. Handler failed: the transaction rolls back and a copy
/// goes to the retry queue (attempt + 1, delayed by its TTL) or, after the last attempt, to the DLQ
/// with the reason; only once the broker confirmed that copy is the original acked. A message that
/// cannot be read (no id, no subscription, bad JSON) goes to the DLQ at once: retrying cannot fix it.
/// Nothing here acks a message that was not handled, and the queue keeps flowing meanwhile.
/// </summary>
internal sealed partial class DeliveryProcessor(
    IServiceScopeFactory scopeFactory,
    NpgsqlDataSource dataSource,
    IOptions<EventBusOptions> options,
    IOptions<EventBusSubscriptionInfo> subscriptions,
    ILogger<DeliveryProcessor> logger)
{
    private EventBusOptions Settings => options.Value;

    public async Task ProcessAsync(IChannel channel, BasicDeliverEventArgs delivery, CancellationToken stoppingToken)
    {
        var message = IncomingMessage.Read(delivery);
        using var activity = MessagingTelemetry.Source.StartActivity(
            $"process {message.RoutingKey}", ActivityKind.Consumer, message.ParentContext);
        activity?.SetTag(MessagingTelemetry.SystemTag, "rabbitmq")
            .SetTag(MessagingTelemetry.OperationTypeTag, "process")
            .SetTag(MessagingTelemetry.DestinationTag, Settings.QueueName)
            .SetTag(MessagingTelemetry.ConsumerGroupTag, Settings.QueueName)
            .SetTag(MessagingTelemetry.RoutingKeyTag, message.RoutingKey)
            .SetTag(MessagingTelemetry.MessageIdTag, message.MessageId?.ToString());
        try
        {
            if (!TryRead(message, delivery.Body, out var @event, out var problem))
            {
                activity?.SetStatus(ActivityStatusCode.Error, problem);
                LogUnreadable(logger, message.MessageId, message.RoutingKey, problem);
                await FailedDeliveryForwarder.DeadLetterAsync(channel, delivery, message, Settings.QueueName, problem, failure: null);
                MessagingTelemetry.DeadLettered.Add(1, Tags(message));
                return;
            }

            Exception? failure = null;
            var handled = false;
            try
            {
                handled = await HandleOnceAsync(@event, message, stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                failure = ex;
            }

            if (failure is null)
            {
                // After the commit, and not cancellable: a commit without its ack costs a redelivery.
                await channel.BasicAckAsync(delivery.DeliveryTag, multiple: false, CancellationToken.None);
                var counter = handled ? MessagingTelemetry.Handled : MessagingTelemetry.Duplicates;
                counter.Add(1, Tags(message));
                if (!handled)
                {
                    LogDuplicate(logger, @event.Id, message.RoutingKey);
                }
                return;
            }

            activity?.AddException(failure);
            activity?.SetStatus(ActivityStatusCode.Error, failure.GetType().Name);
            if (message.Attempt >= Settings.MaxAttempts)
            {
                LogGivingUp(logger, failure, @event.Id, message.RoutingKey, message.Attempt);
                await FailedDeliveryForwarder.DeadLetterAsync(channel, delivery, message, Settings.QueueName, Reason(failure), failure);
                MessagingTelemetry.DeadLettered.Add(1, Tags(message));
            }
            else
            {
                var delay = Backoff.Exponential(message.Attempt, Settings.RetryDelay, Settings.MaxRetryDelay);
                LogRetrying(logger, failure, @event.Id, message.RoutingKey, message.Attempt, Settings.MaxAttempts, delay.TotalSeconds);
                await FailedDeliveryForwarder.RetryAsync(channel, delivery, message, Settings.QueueName, Reason(failure), failure, delay);
                MessagingTelemetry.Retried.Add(1, Tags(message));
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping mid-handler: left unacknowledged, the message returns to the queue when the channel closes.
        }
        catch (Exception ex)
        {
            // The ack, or the copy to the retry or dead-letter queue, failed: the channel is gone (the
            // broker redelivers) or the broker refused the copy. Either way the original stays queued.
            LogSettleFailed(logger, ex, message.MessageId, message.RoutingKey);
            await TryRequeueAsync(channel, delivery.DeliveryTag);
        }
    }

    private bool TryRead(
        IncomingMessage message,
        ReadOnlyMemory<byte> body,
        [NotNullWhen(true)] out IntegrationEvent? @event,
        [NotNullWhen(false)] out string? problem)
    {
        @event = null;
        if (message.MessageId is null)
        {
            problem = "The message has no message id (a GUID), so the inbox cannot deduplicate it.";
            return false;
        }
        if (!subscriptions.Value.EventTypes.TryGetValue(message.RoutingKey, out var eventType))
        {
            problem = $"{Settings.QueueName} has no subscription for routing key '{message.RoutingKey}'.";
            return false;
        }
        try
        {
            @event = JsonSerializer.Deserialize(body.Span, eventType, subscriptions.Value.JsonSerializerOptions) as IntegrationEvent;
        }
        catch (Exception ex) when (ex is JsonException or NotSupportedException)
        {
            // The serializer's message names the JSON path and position, never the values.
            problem = $"The body is not a valid {eventType.Name}: {ex.Message}";
            return false;
        }
        problem = @event is null ? $"The body is not a {eventType.Name}." : null;
        return @event is not null;
    }

    /// <summary>True when handled now, false when the inbox shows it was handled before.</summary>
    private async Task<bool> HandleOnceAsync(IntegrationEvent @event, IncomingMessage message, CancellationToken cancellationToken)
    {
        var messageId = message.MessageId!.Value;
        await using var scope = scopeFactory.CreateAsyncScope();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (!await Inbox.TryRecordAsync(connection, transaction, Settings.QueueName, messageId, message.RoutingKey, cancellationToken))
        {
            return false;
        }
        var context = scope.ServiceProvider.GetRequiredService<IntegrationEventContext>();
        context.Enter(connection, transaction, messageId, message.RoutingKey, message.Attempt);
        foreach (var handler in scope.ServiceProvider.GetKeyedServices<IIntegrationEventHandler>(@event.GetType()))
        {
            await handler.Handle(@event, cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        foreach (var callback in context.CommittedCallbacks)
        {
            try
            {
                await callback();
            }
            catch (Exception ex)
            {
                LogCommittedCallbackFailed(logger, ex, messageId, message.RoutingKey);
            }
        }
        return true;
    }

    private static string Reason(Exception failure) => FailedDeliveryForwarder.Truncate($"{failure.GetType().Name}: {failure.Message}");

    private TagList Tags(IncomingMessage message) => new()
    {
        { MessagingTelemetry.DestinationTag, Settings.QueueName },
        { MessagingTelemetry.RoutingKeyTag, message.RoutingKey },
    };

    private static async Task TryRequeueAsync(IChannel channel, ulong deliveryTag)
    {
        try
        {
            await channel.BasicNackAsync(deliveryTag, multiple: false, requeue: true, CancellationToken.None);
        }
        catch (Exception)
        {
            // The channel is gone; the broker requeues every unacknowledged message of a closed channel.
        }
    }

    [LoggerMessage(LogLevel.Warning, "An after-commit callback of message {MessageId} ({RoutingKey}) failed; the message stays handled")]
    private static partial void LogCommittedCallbackFailed(ILogger logger, Exception exception, Guid messageId, string routingKey);

    [LoggerMessage(LogLevel.Information, "Message {MessageId} ({RoutingKey}) was handled before; acknowledged without handling")]
    private static partial void LogDuplicate(ILogger logger, Guid messageId, string routingKey);

    [LoggerMessage(LogLevel.Warning, "Handling {MessageId} ({RoutingKey}) failed on attempt {Attempt} of {MaxAttempts}; retrying in {DelaySeconds:0.###} s")]
    private static partial void LogRetrying(ILogger logger, Exception exception, Guid messageId, string routingKey, int attempt, int maxAttempts, double delaySeconds);

    [LoggerMessage(LogLevel.Error, "Handling {MessageId} ({RoutingKey}) failed on its last attempt ({Attempt}); moving it to the dead-letter queue")]
    private static partial void LogGivingUp(ILogger logger, Exception exception, Guid messageId, string routingKey, int attempt);

    [LoggerMessage(LogLevel.Error, "Message {MessageId} ({RoutingKey}) cannot be read and goes to the dead-letter queue: {Problem}")]
    private static partial void LogUnreadable(ILogger logger, Guid? messageId, string routingKey, string problem);

    [LoggerMessage(LogLevel.Warning, "Could not settle message {MessageId} ({RoutingKey}); it stays queued for redelivery")]
    private static partial void LogSettleFailed(ILogger logger, Exception exception, Guid? messageId, string routingKey);
}
