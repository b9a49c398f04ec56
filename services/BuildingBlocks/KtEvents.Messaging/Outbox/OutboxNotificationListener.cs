using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

using KtEvents.Messaging.EventBus;

using Npgsql;

namespace KtEvents.Messaging.Outbox;

/// <summary>
/// Holds one connection in <c>LISTEN kt_outbox</c> and turns every notification (sent by commits
/// that added outbox rows, in any replica) into an <see cref="OutboxSignal"/>. When the connection is
/// lost it reconnects with backoff; meanwhile the relay still polls.
/// </summary>
internal sealed partial class OutboxNotificationListener(
    NpgsqlDataSource dataSource,
    OutboxSignal signal,
    IOptions<EventBusOptions> options,
    ILogger<OutboxNotificationListener> logger) : BackgroundService
{
    public const string Channel = "kt_outbox";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = await dataSource.OpenConnectionAsync(stoppingToken);
                connection.Notification += (_, _) => signal.Notify();
                await using (var listen = new NpgsqlCommand($"LISTEN {Channel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }
                failures = 0;
                // Commits made while nobody listened sent their notification into the void.
                signal.Notify();
                while (true)
                {
                    await connection.WaitAsync(stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                failures++;
                var delay = Backoff.WithJitter(failures, settings.ReconnectDelay, settings.MaxReconnectDelay);
                LogListenFailed(logger, ex, delay.TotalSeconds);
                try
                {
                    await Task.Delay(delay, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    [LoggerMessage(LogLevel.Warning, "Outbox notifications are unavailable, polling until reconnected in {DelaySeconds:0.#} s")]
    private static partial void LogListenFailed(ILogger logger, Exception exception, double delaySeconds);
}
