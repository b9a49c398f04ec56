using KtEvents.Event.Infrastructure;
using KtEvents.Event.Model;

using Microsoft.Extensions.Options;

namespace KtEvents.Event.Ending;

/// <summary>
/// One pass of the end sweep (seed 003): every approved event whose period is over is marked ended
/// and its EventEnded written to the outbox, one event per transaction. Safe to run on every replica
/// at once: an event is ended by whichever gets its row first, and only once.
/// </summary>
public sealed partial class EventEndSweeper(
    EventRepository repository,
    IOptions<EventEndingOptions> options,
    TimeProvider time,
    ILogger<EventEndSweeper> logger)
{
    /// <summary>Ends one batch of due events; returns how many this pass ended.</summary>
    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var now = time.GetUtcNow();
        var due = await repository.ListDueToEndAsync(now - settings.EndGracePeriod, settings.EndSweepBatchSize, cancellationToken);
        var endedCount = 0;
        foreach (var eventId in due)
        {
            EndedEvent? ended;
            try
            {
                ended = await repository.EndAsync(eventId, now, cancellationToken);
            }
            catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
            {
                // One event that cannot be ended (its transaction rolled back) must not hold up the
                // others; it stays due and is tried again by the next sweep.
                LogEndFailed(eventId, exception);
                continue;
            }

            if (ended is null)
            {
                LogEndedElsewhere(eventId);
                continue;
            }

            endedCount++;
            if (ended.Published is null)
            {
                LogEndedWithoutPlan(eventId);
            }
            else
            {
                LogEnded(eventId, ended.ActualParticipants, ended.Published.ExpectedParticipants);
            }
        }

        return endedCount;
    }

    [LoggerMessage(LogLevel.Information, "Event {EventId} ended with {ActualParticipants} participants ({ExpectedParticipants} expected); EventEnded is in the outbox")]
    private partial void LogEnded(Guid eventId, int actualParticipants, int expectedParticipants);

    [LoggerMessage(LogLevel.Debug, "Event {EventId} was already ended by another sweep")]
    private partial void LogEndedElsewhere(Guid eventId);

    [LoggerMessage(LogLevel.Error, "Event {EventId} could not be ended; the next sweep tries again")]
    private partial void LogEndFailed(Guid eventId, Exception exception);

    [LoggerMessage(LogLevel.Warning, "Event {EventId} ended without a selected plan or period: no EventEnded to publish")]
    private partial void LogEndedWithoutPlan(Guid eventId);
}
