using Microsoft.Extensions.Options;

namespace KtEvents.Event.Ending;

/// <summary>
/// Runs <see cref="EventEndSweeper"/> at start and then every <see cref="EventEndingOptions.EndSweepInterval"/>,
/// straight again while whole batches are ended. A failed sweep (the database away) is logged and
/// retried at the next tick; nothing is lost, since an event stays due until it is marked.
/// </summary>
public sealed partial class EventEndingService(
    IServiceScopeFactory scopeFactory,
    IOptions<EventEndingOptions> options,
    TimeProvider time,
    ILogger<EventEndingService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        using var timer = new PeriodicTimer(settings.EndSweepInterval, time);
        try
        {
            do
            {
                int ended;
                do
                {
                    ended = await SweepAsync(stoppingToken);
                }
                // A batch ended whole means more may be due: go on without waiting for the tick.
                while (ended >= settings.EndSweepBatchSize);
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>One sweep in a scope of its own; 0 after a failure, so the loop waits for the next tick.</summary>
    private async Task<int> SweepAsync(CancellationToken stoppingToken)
    {
        try
        {
            await using var scope = scopeFactory.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<EventEndSweeper>().SweepAsync(stoppingToken);
        }
        catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
        {
            LogSweepFailed(exception);
            return 0;
        }
    }

    [LoggerMessage(LogLevel.Error, "The end sweep failed; retrying at its next interval")]
    private partial void LogSweepFailed(Exception exception);
}
