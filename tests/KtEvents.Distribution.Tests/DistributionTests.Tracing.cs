using System.Collections.Concurrent;
using System.Diagnostics;

using KtEvents.Contracts.Channels;
using KtEvents.Contracts.Distribution.V1;
using KtEvents.Distribution.Telemetry;

namespace KtEvents.Distribution.Tests;

/// <summary>
/// The worker posts outside any request, yet the dashboard shows approval → posts → Event and Analytics
/// as one trace (issue #4): each attempt continues the trace that asked for the posting.
/// </summary>
public sealed partial class DistributionTests
{
    [Fact]
    public async Task Each_channel_s_attempt_continues_the_trace_of_the_approval_and_so_does_what_it_publishes()
    {
        var approved = await fixture.ApprovedEventAsync();
        var attempts = new ConcurrentQueue<Activity>();
        var httpCalls = new ConcurrentQueue<Activity>();
        // The Event service's approval: EventApproved written to an outbox inside its span.
        var approval = new Activity("approve").SetIdFormat(ActivityIdFormat.W3C).Start();
        using var listener = Listen(approval.TraceId, attempts, httpCalls);

        await fixture.EventBus.PublishAsync(approved);
        approval.Stop();
        await fixture.CompletedAsync(approved);
        // An attempt's span ends just after its outcome is stored (and told to browsers).
        await Eventually(() => attempts.Count >= ChannelCodes.All.Count);

        Assert.Equal(ChannelCodes.All.Order(), attempts.Select(span => span.DisplayName["distribute ".Length..]).Order());
        foreach (var attempt in attempts)
        {
            Assert.Equal(approved.EventId.ToString(), attempt.GetTagItem("kt.event.id")?.ToString());
            Assert.Equal("succeeded", attempt.GetTagItem("kt.distribution.outcome"));
            Assert.Equal(ActivityStatusCode.Unset, attempt.Status);
            // The channel's HTTP call is the attempt's child.
            Assert.Contains(httpCalls, call => call.ParentSpanId == attempt.SpanId);
        }

        // Every event the posting published carries the trace on to its consumers.
        Assert.Equal(0, await fixture.CountAsync(
            "SELECT count(*) FROM kt_outbox WHERE body->>'eventId' = $1 AND (traceparent IS NULL OR split_part(traceparent, '-', 2) <> $2)",
            approved.EventId.ToString(), approval.TraceId.ToString()));
        Assert.Equal(1, await fixture.CountAsync(
            "SELECT count(*) FROM kt_outbox WHERE routing_key = 'distribution.distribution-completed' AND body->>'eventId' = $1 AND split_part(traceparent, '-', 2) = $2",
            approved.EventId.ToString(), approval.TraceId.ToString()));
    }

    [Fact]
    public async Task A_retried_channel_s_attempts_continue_the_trace_of_the_owner_s_retry()
    {
        await fixture.Sandbox.SetFaultsAsync("genie_tv", 3);
        try
        {
            var approved = await fixture.ApprovedEventAsync();
            await fixture.EventBus.PublishAsync(approved);
            Assert.Equal(ChannelState.Failed, (await fixture.CompletedAsync(approved)).Channels.Single(channel => channel.Channel == "genie_tv").State);
            var attempts = new ConcurrentQueue<Activity>();
            var retry = new Activity("owner retries genie_tv").SetIdFormat(ActivityIdFormat.W3C).Start();
            using var listener = Listen(retry.TraceId, attempts, new ConcurrentQueue<Activity>());

            await fixture.Client.RetryChannelAsync(new ChannelRequest { EventId = approved.EventId.ToString(), Channel = "genie_tv" }, fixture.As(approved.OwnerId));
            retry.Stop();
            await ChannelAsync(approved, "genie_tv", channel => channel.State == ChannelState.Succeeded);
            await Eventually(() => !attempts.IsEmpty);

            var attempt = Assert.Single(attempts);
            Assert.Equal("distribute genie_tv", attempt.DisplayName);
            Assert.Equal(2, attempt.GetTagItem("kt.distribution.round"));
            Assert.Equal("succeeded", attempt.GetTagItem("kt.distribution.outcome"));
            Assert.Equal(1, await fixture.CountAsync(
                "SELECT count(*) FROM kt_outbox WHERE routing_key = 'distribution.distribution-progressed' AND body->>'eventId' = $1 AND body->>'channel' = 'genie_tv' AND body->>'state' = 'succeeded' AND split_part(traceparent, '-', 2) = $2",
                approved.EventId.ToString(), retry.TraceId.ToString()));
        }
        finally
        {
            await fixture.Sandbox.SetFaultsAsync("genie_tv", 0);
        }
    }

    /// <summary>Collects the attempt spans (<c>distribute …</c>) and HTTP client spans of one trace.</summary>
    private static ActivityListener Listen(ActivityTraceId traceId, ConcurrentQueue<Activity> attempts, ConcurrentQueue<Activity> httpCalls)
    {
        var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name is DistributionTelemetry.Name or "System.Net.Http",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                if (activity.TraceId != traceId)
                {
                    return;
                }
                if (activity.Source.Name == DistributionTelemetry.Name && activity.DisplayName.StartsWith("distribute ", StringComparison.Ordinal))
                {
                    attempts.Enqueue(activity);
                }
                else if (activity.Source.Name != DistributionTelemetry.Name)
                {
                    httpCalls.Enqueue(activity);
                }
            },
        };
        ActivitySource.AddActivityListener(listener);
        return listener;
    }
}
