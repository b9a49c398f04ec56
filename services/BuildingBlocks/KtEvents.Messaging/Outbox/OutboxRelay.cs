using System.Diagnostics;
using System.Runtime.ExceptionServices;

using KtEvents.Messaging.Connection;
using KtEvents.Messaging.EventBus;
using KtEvents.Messaging.Topology;

using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

using Npgsql;

using RabbitMQ.Client;

namespace KtEvents.Messaging.Outbox;

/// <summary>
/// Publishes pending outbox rows in sequence order, each awaiting the broker's confirm, and stamps
/// them published in the transaction that claimed them. Any failure (broker or database away, a
/// nack, a confirm that never comes) replaces the channel and retries after a capped exponential
/// backoff, forever: an event committed to the outbox is never given up on. A crash between the
/// confirm and the stamp publishes a row twice; consumers' inboxes absorb that.
/// </summary>
internal sealed partial class OutboxRelay(
    NpgsqlDataSource dataSource,
    RabbitMQConnectionProvider connections,
    OutboxSignal signal,
    IOptions<EventBusOptions> options,
    ILogger<OutboxRelay> logger) : BackgroundService
{
    private static readonly TimeSpan CleanupInterval = TimeSpan.FromHours(1);

    private IChannel? channel;
    private long nextCleanupTimestamp;

    private EventBusOptions Settings => options.Value;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // The host may have been started inside an Activity; the relay's spans belong to the traces
        // stored with the events, not to whatever started the process.
        Activity.Current = null;
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await PublishPendingAsync(stoppingToken);
                if (failures > 0)
                {
                    LogRecovered(logger, failures);
                }
                failures = 0;
                await DeleteExpiredIfDueAsync(stoppingToken);
                await signal.WaitAsync(Settings.OutboxPollInterval, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                failures++;
                var delay = Backoff.WithJitter(failures, Settings.ReconnectDelay, Settings.MaxReconnectDelay);
                LogPublishFailed(logger, ex, failures, delay.TotalSeconds);
                await CloseChannelAsync();
                try
                {
                    await Task.Delay(delay, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
        }
        await CloseChannelAsync();
    }

    private async Task PublishPendingAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            var batch = await OutboxStore.ClaimPendingAsync(connection, transaction, Settings.OutboxBatchSize, cancellationToken);
            if (batch.Count == 0)
            {
                await transaction.CommitAsync(cancellationToken);
                return;
            }

            var published = new List<long>(batch.Count);
            Exception? failure = null;
            try
            {
                var open = await GetChannelAsync(cancellationToken);
                foreach (var message in batch)
                {
                    await OutboxPublisher.PublishAsync(open, message, Settings.QueueName, Settings.PublishTimeout, cancellationToken);
                    published.Add(message.Sequence);
                }
            }
            catch (Exception ex)
            {
                failure = ex;
            }

            // Stamp what the broker confirmed even when the batch broke off or the host is stopping,
            // so those rows are not sent again.
            await OutboxStore.MarkPublishedAsync(connection, transaction, published, CancellationToken.None);
            if (failure is not null && !cancellationToken.IsCancellationRequested)
            {
                await OutboxStore.RecordFailureAsync(connection, transaction, batch[published.Count].Sequence, failure, CancellationToken.None);
            }
            await transaction.CommitAsync(CancellationToken.None);
            if (published.Count > 0)
            {
                LogPublished(logger, published.Count, batch[0].EventId, batch[published.Count - 1].EventId);
            }
            if (failure is not null)
            {
                ExceptionDispatchInfo.Throw(failure);
            }
            if (batch.Count < Settings.OutboxBatchSize)
            {
                return;
            }
        }
    }

    private async Task<IChannel> GetChannelAsync(CancellationToken cancellationToken)
    {
        if (channel is { IsOpen: true })
        {
            return channel;
        }
        await CloseChannelAsync();
        var connection = await connections.GetConnectionAsync(cancellationToken);
        var created = await connection.CreateChannelAsync(
            new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true),
            cancellationToken);
        try
        {
            await EventBusTopology.DeclareExchangeAsync(created, cancellationToken);
        }
        catch
        {
            await ChannelCloser.CloseQuietlyAsync(created);
            throw;
        }
        channel = created;
        return created;
    }

    private async Task CloseChannelAsync()
    {
        if (channel is { } open)
        {
            channel = null;
            await ChannelCloser.CloseQuietlyAsync(open);
        }
    }

    private async Task DeleteExpiredIfDueAsync(CancellationToken cancellationToken)
    {
        var now = Stopwatch.GetTimestamp();
        if (now < nextCleanupTimestamp)
        {
            return;
        }
        nextCleanupTimestamp = now + (long)(CleanupInterval.TotalSeconds * Stopwatch.Frequency);
        var (outbox, inbox) = await OutboxStore.DeleteExpiredAsync(dataSource, Settings.OutboxRetention, Settings.InboxRetention, cancellationToken);
        if (outbox + inbox > 0)
        {
            LogDeletedExpired(logger, outbox, inbox);
        }
    }

    [LoggerMessage(LogLevel.Debug, "Published {Count} outbox events ({FirstEventId} … {LastEventId})")]
    private static partial void LogPublished(ILogger logger, int count, Guid firstEventId, Guid lastEventId);

    [LoggerMessage(LogLevel.Warning, "Outbox relay failed ({Failures} in a row); retrying in {DelaySeconds:0.#} s")]
    private static partial void LogPublishFailed(ILogger logger, Exception exception, int failures, double delaySeconds);

    [LoggerMessage(LogLevel.Information, "Outbox relay publishing again after {Failures} failed attempts")]
    private static partial void LogRecovered(ILogger logger, int failures);

    [LoggerMessage(LogLevel.Information, "Deleted {OutboxRows} published outbox rows and {InboxRows} inbox rows past retention")]
    private static partial void LogDeletedExpired(ILogger logger, int outboxRows, int inboxRows);
}
