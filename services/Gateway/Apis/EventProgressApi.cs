using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Threading.Channels;

using KtEvents.Caching;
using KtEvents.Contracts.Analytics.V1;
using KtEvents.Contracts.Channels;
using KtEvents.Contracts.Clients;
using KtEvents.Contracts.Distribution.V1;
using KtEvents.Contracts.Event.V1;
using KtEvents.Gateway.Infrastructure;
using KtEvents.Gateway.Model;
using KtEvents.Rpc;

using Microsoft.AspNetCore.Http.HttpResults;

namespace KtEvents.Gateway.Apis;

/// <summary>
/// What happens to an approved event: its distribution per channel (UFR-DIST-020), its figures
/// (UFR-ANAL-010), and a live stream of hints that either changed (SSE).
/// </summary>
public static class EventProgressApi
{
    private static readonly TimeSpan Heartbeat = TimeSpan.FromSeconds(20);

    public static IEndpointRouteBuilder MapEventProgressApi(this IEndpointRouteBuilder app)
    {
        var events = app.MapGroup("/events").WithTags("Event progress").RequireAuthorization();
        events.MapGet("/{id}/distribution", GetDistribution);
        events.MapPost("/{id}/distribution/{channel}/retry", RetryChannel);
        events.MapPost("/{id}/distribution/{channel}/cancel", CancelChannel);
        events.MapGet("/{id}/analytics", GetAnalytics);
        events.MapGet("/{id}/live", Live);
        return app;
    }

    public static async Task<Ok<DistributionResponse>> GetDistribution(string id, DistributionClient distribution, CancellationToken cancellationToken) =>
        TypedResults.Ok((await distribution.GetDistributionAsync(new GetDistributionRequest { EventId = id }, Calls.Within(cancellationToken))).ToResponse());

    /// <summary>재시도 of a failed channel: 202 with the channel back at pending; the worker posts it again.</summary>
    public static Task<Accepted<ChannelDistributionResponse>> RetryChannel(
        string id, string channel, DistributionClient distribution, CancellationToken cancellationToken) =>
        ChangeChannelAsync(id, distribution.RetryChannelAsync(new ChannelRequest { EventId = id, Channel = channel }, Calls.Within(cancellationToken)));

    /// <summary>취소 of a channel not posted yet, where the channel allows it: 202 with the channel cancelled.</summary>
    public static Task<Accepted<ChannelDistributionResponse>> CancelChannel(
        string id, string channel, DistributionClient distribution, CancellationToken cancellationToken) =>
        ChangeChannelAsync(id, distribution.CancelChannelAsync(new ChannelRequest { EventId = id, Channel = channel }, Calls.Within(cancellationToken)));

    /// <summary>
    /// A channel whose state forbids the change is a conflict with the event as it is now: Distribution
    /// answers ABORTED, which <see cref="ServiceProblemFilter"/> makes a 409, like event_already_approved.
    /// </summary>
    private static async Task<Accepted<ChannelDistributionResponse>> ChangeChannelAsync(string id, AsyncUnaryCall<ChannelDistribution> call)
    {
        using (call)
        {
            var changed = await call.ResponseAsync;
            return TypedResults.Accepted($"/api/events/{Uri.EscapeDataString(id)}/distribution", changed.ToResponse());
        }
    }

    public static async Task<Ok<AnalyticsSummaryResponse>> GetAnalytics(string id, AnalyticsClient analytics, CancellationToken cancellationToken) =>
        TypedResults.Ok((await analytics.GetEventSummaryAsync(new GetEventSummaryRequest { EventId = id }, Calls.Within(cancellationToken))).ToResponse());

    /// <summary>
    /// Server-sent events for one of the caller's events: <c>distribution</c>, <c>analytics</c> or
    /// <c>event</c> when that part changed, and <c>ping</c> now and then so proxies keep the stream
    /// open. The services publish on Redis, so any gateway replica can serve any browser.
    /// </summary>
    public static async Task<ServerSentEventsResult<string>> Live(
        string id, EventClient events, IConnectionMultiplexer redis, CancellationToken cancellationToken)
    {
        // Ownership first: the Event service answers NOT_FOUND (→ 404) for another owner's event.
        var detail = await events.GetEventAsync(new GetEventRequest { EventId = id }, Calls.Within(cancellationToken));
        var channel = RedisChannel.Literal(LiveChannels.ForEvent(Guid.Parse(detail.EventId)));
        var hints = Channel.CreateBounded<string>(new BoundedChannelOptions(32) { FullMode = BoundedChannelFullMode.DropOldest });
        void OnMessage(RedisChannel _, RedisValue message) => hints.Writer.TryWrite(LiveHint.Read((string?)message));

        var subscriber = redis.GetSubscriber();
        await subscriber.SubscribeAsync(channel, OnMessage);
        return TypedResults.ServerSentEvents(Stream(hints.Reader, () => subscriber.UnsubscribeAsync(channel, OnMessage), cancellationToken));
    }

    private static async IAsyncEnumerable<SseItem<string>> Stream(
        ChannelReader<string> hints, Func<Task> unsubscribe, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        try
        {
            yield return new SseItem<string>("{}", "ready");
            while (!cancellationToken.IsCancellationRequested)
            {
                using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                wait.CancelAfter(Heartbeat);
                string? type = null;
                try
                {
                    type = await hints.ReadAsync(wait.Token);
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                }

                yield return new SseItem<string>("{}", type ?? "ping");
            }
        }
        finally
        {
            await unsubscribe();
        }
    }
}
