using System.Diagnostics;

using KtEvents.Contracts.Channels;
using KtEvents.Distribution.Channels;
using KtEvents.Distribution.Infrastructure;
using KtEvents.Distribution.Model;
using KtEvents.Distribution.Telemetry;

using Microsoft.Extensions.Options;

namespace KtEvents.Distribution.Worker;

/// <summary>
/// Posts due channel rows (UFR-DIST-010). The message handler only records a run; this worker does
/// the posting, so a run survives a crash: whatever was pending, waiting for a retry, or claimed by
/// a worker that died (its lease expired) is picked up again, by this or another replica. Each
/// channel is independent: its own attempts, its own backoff, its own failure. Attempts repeat the
/// channel's idempotency key, so a post whose answer was lost is not made twice.
/// </summary>
public sealed partial class DistributionWorker(
    DistributionRepository repository,
    IServiceScopeFactory scopeFactory,
    EventImageLoader images,
    LiveUpdates live,
    IOptions<DistributionOptions> options,
    ILogger<DistributionWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        // Attempts run side by side up to BatchSize; a slow channel holds one slot, not the others.
        // Not disposed: attempts still finishing after a stop release their slots into it.
        var slots = new SemaphoreSlim(settings.BatchSize);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await slots.WaitAsync(stoppingToken);
                var free = slots.CurrentCount + 1;
                slots.Release();
                var claimed = await repository.ClaimDueAsync(free, settings.Lease, stoppingToken);
                if (claimed.Count == 0)
                {
                    await Task.Delay(settings.PollInterval, stoppingToken);
                    continue;
                }

                await Task.WhenAll(claimed.Select(work => work.Run.EventId).Distinct().Select(eventId => live.PublishAsync(eventId, LiveHint.Distribution)));
                foreach (var work in claimed)
                {
                    await slots.WaitAsync(stoppingToken);
                    _ = AttemptAsync(work, slots, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                // The database is away: claimed rows keep their lease and come back when it expires.
                LogWorkerFailed(exception);
                await Task.Delay(settings.PollInterval * 4, stoppingToken);
            }
        }
    }

    /// <summary>
    /// One attempt, start to stored outcome; never throws (its row's lease covers what is lost). Its span
    /// continues the trace that asked for the posting, so the channel's HTTP call and the events its
    /// outcome publishes (through the outbox) belong to that trace.
    /// </summary>
    private async Task AttemptAsync(ChannelWork work, SemaphoreSlim slots, CancellationToken cancellationToken)
    {
        // Started here, on the worker's loop, where no other span is current.
        using var activity = DistributionTelemetry.Source.StartActivity($"distribute {work.Channel}", ActivityKind.Internal, work.Trace);
        activity?.SetTag("kt.event.id", work.Run.EventId);
        activity?.SetTag("kt.distribution.channel", work.Channel);
        activity?.SetTag("kt.distribution.attempt", work.Attempt);
        activity?.SetTag("kt.distribution.round", work.Round);
        try
        {
            // Typed HttpClients are transient: a scope per attempt lets the factory rotate handlers.
            using var scope = scopeFactory.CreateScope();
            var adapter = scope.ServiceProvider.GetServices<IChannelAdapter>().FirstOrDefault(adapter => adapter.Channel == work.Channel);
            var outcome = await PostAsync(work, adapter, cancellationToken);
            activity?.SetTag("kt.distribution.outcome", outcome switch
            {
                ChannelOutcome.Succeeded => "succeeded",
                ChannelOutcome.RetryLater => "retry_later",
                _ => "failed",
            });
            if (outcome is not ChannelOutcome.Succeeded)
            {
                activity?.SetStatus(ActivityStatusCode.Error, outcome is ChannelOutcome.Failed ? "failed" : "retry later");
            }

            if (await repository.CompleteAttemptAsync(work, outcome, CancellationToken.None))
            {
                await live.PublishAsync(work.Run.EventId, LiveHint.Distribution);
            }
            else
            {
                LogAttemptSuperseded(work.Run.EventId, work.Channel, work.Attempt);
            }
        }
        catch (Exception exception)
        {
            activity?.SetStatus(ActivityStatusCode.Error, "abandoned");
            LogAttemptAbandoned(work.Run.EventId, work.Channel, work.Attempt, exception);
        }
        finally
        {
            slots.Release();
        }
    }

    private async Task<ChannelOutcome> PostAsync(ChannelWork work, IChannelAdapter? adapter, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var name = ChannelCodes.IsKnown(work.Channel) ? ChannelCodes.DisplayName(work.Channel) : work.Channel;
        if (adapter is null)
        {
            return new ChannelOutcome.Failed($"{name}: 지원하지 않는 배포 채널입니다.");
        }

        if (work.Attempt > settings.MaxAttempts)
        {
            // Only after crashes in the middle of the last attempt: its result is unknown, so say so.
            return new ChannelOutcome.Failed($"{name} 배포 결과를 확인하지 못했습니다. 다시 시도해주세요.");
        }

        try
        {
            var image = adapter.NeedsImage ? await images.LoadAsync(work.Run.ImageId, cancellationToken) : null;
            var result = await adapter.PostAsync(work, image, cancellationToken);
            LogPosted(work.Run.EventId, work.Channel, work.Attempt, result.ExternalId);
            return new ChannelOutcome.Succeeded(result);
        }
        catch (ChannelPostException exception)
        {
            LogAttemptFailed(work.Run.EventId, work.Channel, work.Attempt, exception.Transient, exception);
            if (exception.Transient && work.Attempt < settings.MaxAttempts)
            {
                return new ChannelOutcome.RetryLater(exception.OwnerMessage, settings.RetryDelay * Math.Pow(2, work.Attempt - 1));
            }

            return new ChannelOutcome.Failed(exception.Transient
                ? $"{name} 배포에 {work.Attempt}번 시도했지만 실패했습니다. {exception.OwnerMessage} 잠시 후 다시 시도해주세요."
                : $"{name} 배포에 실패했습니다. {exception.OwnerMessage}");
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            // A bug of ours, not the channel's: let the row wait as after a transient failure.
            LogAttemptFailed(work.Run.EventId, work.Channel, work.Attempt, transient: true, exception);
            return work.Attempt < settings.MaxAttempts
                ? new ChannelOutcome.RetryLater($"{name} 배포 중 오류가 발생했습니다.", settings.RetryDelay * Math.Pow(2, work.Attempt - 1))
                : new ChannelOutcome.Failed($"{name} 배포 중 오류가 발생했습니다. 잠시 후 다시 시도해주세요.");
        }
    }

    [LoggerMessage(LogLevel.Information, "Posted event {EventId} to {Channel} on attempt {Attempt}: {ExternalId}.")]
    private partial void LogPosted(Guid eventId, string channel, int attempt, string externalId);

    [LoggerMessage(LogLevel.Warning, "Posting event {EventId} to {Channel} failed on attempt {Attempt} (transient: {Transient}).")]
    private partial void LogAttemptFailed(Guid eventId, string channel, int attempt, bool transient, Exception exception);

    [LoggerMessage(LogLevel.Warning, "Attempt {Attempt} of event {EventId} on {Channel} lost its row: its lease expired and another attempt owns it, or the owner cancelled or retried the channel.")]
    private partial void LogAttemptSuperseded(Guid eventId, string channel, int attempt);

    [LoggerMessage(LogLevel.Warning, "Attempt {Attempt} of event {EventId} on {Channel} was abandoned; the channel is retried when its lease expires.")]
    private partial void LogAttemptAbandoned(Guid eventId, string channel, int attempt, Exception exception);

    [LoggerMessage(LogLevel.Error, "The distribution worker failed; retrying.")]
    private partial void LogWorkerFailed(Exception exception);
}
