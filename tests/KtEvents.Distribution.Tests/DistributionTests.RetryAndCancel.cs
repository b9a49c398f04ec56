using System.Collections.Concurrent;
using System.Text.Json.Nodes;

using KtEvents.Caching;
using KtEvents.Contracts.Channels;
using KtEvents.Contracts.Distribution.V1;
using KtEvents.Contracts.IntegrationEvents;
using KtEvents.Contracts.Problems;
using KtEvents.Distribution.Channels;
using KtEvents.Distribution.Infrastructure;
using KtEvents.Distribution.Model;
using KtEvents.Rpc;

using Microsoft.Extensions.DependencyInjection;

namespace KtEvents.Distribution.Tests;

/// <summary>UFR-DIST-020: each channel's 배포 정보, and the owner's 재시도 and 취소 of one channel.</summary>
public sealed partial class DistributionTests
{
    [Fact]
    public async Task UFR_DIST_020_each_channel_shows_what_it_answered()
    {
        var approved = await fixture.ApprovedEventAsync();
        await fixture.EventBus.PublishAsync(approved);
        var distribution = await fixture.CompletedAsync(approved);

        var posts = (await fixture.Sandbox.PostsOfAsync(approved.EventId)).ToDictionary(post => (string)post["channel"]!);
        var byChannel = distribution.Channels.ToDictionary(channel => channel.Channel);
        Assert.All(distribution.Channels, channel => Assert.Equal((3, false, false), (channel.MaxAttempts, channel.Retryable, channel.Cancellable)));

        // 우리동네TV: the broadcast id and the exposure it expects (the plan's estimate stays beside it).
        var uridongne = byChannel["uridongne_tv"];
        Assert.Equal((string)posts["uridongne_tv"]["response"]!["broadcastId"]!, uridongne.ExternalId);
        Assert.Equal(posts["uridongne_tv"]["response"]!["expectedExposure"]!.GetValue<long>(), uridongne.ReportedExposure);
        Assert.Equal(30_000, uridongne.ExpectedExposure);

        // 링고비즈: when the tone took effect.
        var ringo = byChannel["ringo_biz"];
        Assert.Equal(DateTimeOffset.Parse((string)posts["ringo_biz"]["response"]!["updatedAt"]!), ringo.RingbackUpdatedAt.ToDateTimeOffset());
        Assert.Equal(0, ringo.ReportedExposure);

        // 지니TV: the ad id and the schedule, day by day as the channel booked it (07:00–23:00 for all_day).
        var genie = byChannel["genie_tv"];
        var booked = posts["genie_tv"]["response"]!;
        Assert.Equal((string)booked["adId"]!, genie.ExternalId);
        Assert.Equal(booked["expectedImpressions"]!.GetValue<long>(), genie.ReportedExposure);
        Assert.Equal(
            booked["schedule"]!.AsArray().Select(slot => ((string)slot!["date"]!, (string)slot["from"]!, (string)slot["to"]!)),
            genie.ExposureSchedule.Select(slot => (slot.Date, slot.From, slot.To)));
        Assert.NotEmpty(genie.ExposureSchedule);
        Assert.All(genie.ExposureSchedule, slot => Assert.Equal(("07:00", "23:00"), (slot.From, slot.To)));

        // SNS: where the post can be seen.
        foreach (var sns in new[] { "instagram", "naver_blog", "kakao_channel" })
        {
            Assert.Equal((string)posts[sns]["url"]!, byChannel[sns].PostUrl);
            Assert.StartsWith("https://", byChannel[sns].PostUrl);
            Assert.Empty(byChannel[sns].ExposureSchedule);
            Assert.Null(byChannel[sns].RingbackUpdatedAt);
        }
    }

    [Fact]
    public async Task UFR_DIST_020_a_failed_channel_retried_is_posted_once_and_reported()
    {
        // Three 503s: every attempt of the first round fails, and the retry finds the channel back.
        await fixture.Sandbox.SetFaultsAsync("genie_tv", 3);
        try
        {
            var approved = await fixture.ApprovedEventAsync();
            await fixture.EventBus.PublishAsync(approved);
            var failed = (await fixture.CompletedAsync(approved)).Channels.Single(channel => channel.Channel == "genie_tv");
            Assert.Equal((ChannelState.Failed, 3, true, false), (failed.State, failed.Attempts, failed.Retryable, failed.Cancellable));
            Assert.Contains("3번 시도", failed.ErrorMessage);

            var hints = new ConcurrentQueue<string>();
            var live = RedisChannel.Literal(LiveChannels.ForEvent(approved.EventId));
            await fixture.Redis.GetSubscriber().SubscribeAsync(live, (_, message) => hints.Enqueue(message.ToString()));
            var request = new ChannelRequest { EventId = approved.EventId.ToString(), Channel = "genie_tv" };

            var retried = await fixture.Client.RetryChannelAsync(request, fixture.As(approved.OwnerId));

            Assert.Equal("genie_tv", retried.Channel);
            Assert.Equal((ChannelState.Pending, 0, "", false), (retried.State, retried.Attempts, retried.ErrorMessage, retried.Retryable));
            var genie = await ChannelAsync(approved, "genie_tv", channel => channel.State == ChannelState.Succeeded);
            Assert.Equal(1, genie.Attempts);
            Assert.Equal("", genie.ErrorMessage);
            Assert.StartsWith("GTV-AD-", genie.ExternalId);
            Assert.NotEmpty(genie.ExposureSchedule);

            // One booking at the channel; its exposure and progress published; no second completion.
            var posted = Assert.Single(await fixture.Sandbox.PostsOfAsync(approved.EventId), post => (string?)post["channel"] == "genie_tv");
            Assert.Equal((string?)posted["externalId"], genie.ExternalId);
            Assert.Equal(1, await fixture.CountAsync(
                "SELECT count(*) FROM kt_outbox WHERE routing_key = 'distribution.exposure-reported' AND body->>'eventId' = $1 AND body->>'channel' = 'genie_tv' AND (body->>'totalExposures')::bigint = 20000",
                approved.EventId.ToString()));
            Assert.Equal(1, await fixture.CountAsync(
                "SELECT count(*) FROM kt_outbox WHERE routing_key = 'distribution.distribution-progressed' AND body->>'eventId' = $1 AND body->>'channel' = 'genie_tv' AND body->>'state' = 'succeeded'",
                approved.EventId.ToString()));
            Assert.Equal(1, await fixture.CountAsync(
                "SELECT count(*) FROM kt_outbox WHERE routing_key = 'distribution.distribution-completed' AND body->>'eventId' = $1",
                approved.EventId.ToString()));
            await Eventually(() => hints.Count >= 2);
            Assert.All(hints, hint => Assert.Equal("""{"type":"distribution"}""", hint));
            await fixture.Redis.GetSubscriber().UnsubscribeAsync(live);

            // Only a failed channel can be retried; another owner's event is not there at all.
            var again = await Assert.ThrowsAsync<RpcException>(() => fixture.Client.RetryChannelAsync(request, fixture.As(approved.OwnerId)).ResponseAsync);
            Assert.Equal(StatusCode.Aborted, again.StatusCode);
            Assert.Equal("channel_not_retryable", ServiceProblem.ReadCode(again));
            Assert.Contains("실패한 경우에만", again.Status.Detail);
            var foreign = await Assert.ThrowsAsync<RpcException>(() => fixture.Client.RetryChannelAsync(request, fixture.As(Guid.CreateVersion7())).ResponseAsync);
            Assert.Equal(StatusCode.NotFound, foreign.StatusCode);
            var unknown = await Assert.ThrowsAsync<RpcException>(() => fixture.Client.RetryChannelAsync(
                new ChannelRequest { EventId = Guid.CreateVersion7().ToString(), Channel = "genie_tv" }, fixture.As(approved.OwnerId)).ResponseAsync);
            Assert.Equal(StatusCode.NotFound, unknown.StatusCode);
            Assert.Single(await fixture.Sandbox.PostsOfAsync(approved.EventId), post => (string?)post["channel"] == "genie_tv");
        }
        finally
        {
            await fixture.Sandbox.SetFaultsAsync("genie_tv", 0);
        }
    }

    [Fact]
    public async Task UFR_DIST_020_a_bad_channel_request_is_refused_and_changes_nothing()
    {
        var approved = await fixture.ApprovedEventAsync();
        await fixture.EventBus.PublishAsync(approved);
        await fixture.CompletedAsync(approved);
        var outboxBefore = await fixture.CountAsync("SELECT count(*) FROM kt_outbox");

        var malformed = await Assert.ThrowsAsync<RpcException>(() => fixture.Client.CancelChannelAsync(
            new ChannelRequest { EventId = "nope", Channel = "myspace" }, fixture.As(approved.OwnerId)).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, malformed.StatusCode);
        Assert.Equal(["channel", "eventId"], ServiceProblem.ReadFieldErrors(malformed)!.Keys.Order());

        var succeeded = await Assert.ThrowsAsync<RpcException>(() => fixture.Client.CancelChannelAsync(
            new ChannelRequest { EventId = approved.EventId.ToString(), Channel = "instagram" }, fixture.As(approved.OwnerId)).ResponseAsync);
        Assert.Equal(StatusCode.Aborted, succeeded.StatusCode);
        Assert.Equal("channel_not_cancellable", ServiceProblem.ReadCode(succeeded));
        Assert.Contains("이미 끝나", succeeded.Status.Detail);

        var anonymous = await Assert.ThrowsAsync<RpcException>(() => fixture.Client.RetryChannelAsync(
            new ChannelRequest { EventId = approved.EventId.ToString(), Channel = "instagram" }).ResponseAsync);
        Assert.Equal(StatusCode.Unauthenticated, anonymous.StatusCode);

        Assert.Equal(outboxBefore, await fixture.CountAsync("SELECT count(*) FROM kt_outbox"));
        Assert.All((await fixture.CompletedAsync(approved)).Channels, channel => Assert.Equal(ChannelState.Succeeded, channel.State));
    }

    [Fact]
    public async Task UFR_DIST_020_a_cancelled_channel_is_never_posted_and_the_others_go_on()
    {
        // A run whose rows the worker cannot take yet: ringo_biz and instagram pending but not due,
        // kakao_channel waiting for its second attempt, naver_blog in flight (a worker holds its lease).
        var approved = await fixture.ApprovedEventAsync();
        await InsertHeldRunAsync(approved,
            """
            ($1, 'ringo_biz', '{}', 30000, 1500, 'pending', 0, now() + interval '1 hour', NULL),
            ($1, 'instagram', '{}', 0, 3000, 'pending', 0, now() + interval '1 hour', NULL),
            ($1, 'kakao_channel', '{}', 0, 2500, 'running', 1, now() + interval '1 hour', NULL),
            ($1, 'naver_blog', '{}', 0, 2000, 'running', 1, now(), now() + interval '1 hour')
            """);
        var owner = fixture.As(approved.OwnerId);
        ChannelRequest Request(string channel) => new() { EventId = approved.EventId.ToString(), Channel = channel };

        var before = (await fixture.Client.GetDistributionAsync(new GetDistributionRequest { EventId = approved.EventId.ToString() }, owner))
            .Channels.ToDictionary(channel => channel.Channel, channel => channel.Cancellable);
        Assert.Equal(new Dictionary<string, bool> { ["ringo_biz"] = false, ["instagram"] = true, ["naver_blog"] = false, ["kakao_channel"] = true }, before);

        var instagram = await fixture.Client.CancelChannelAsync(Request("instagram"), owner);
        var kakao = await fixture.Client.CancelChannelAsync(Request("kakao_channel"), owner);

        Assert.Equal((ChannelState.Cancelled, false, false), (instagram.State, instagram.Cancellable, instagram.Retryable));
        Assert.Equal((ChannelState.Cancelled, 1), (kakao.State, kakao.Attempts));
        await AssertRefusedAsync(fixture.Client.CancelChannelAsync(Request("ringo_biz"), owner), "channel_not_cancellable", "링고비즈");
        await AssertRefusedAsync(fixture.Client.CancelChannelAsync(Request("naver_blog"), owner), "channel_not_cancellable", "게시하는 중");
        await AssertRefusedAsync(fixture.Client.CancelChannelAsync(Request("instagram"), owner), "channel_not_cancellable", "이미 취소");
        await AssertRefusedAsync(fixture.Client.RetryChannelAsync(Request("instagram"), owner), "channel_not_retryable", "취소됨");
        var foreign = await Assert.ThrowsAsync<RpcException>(() => fixture.Client.CancelChannelAsync(Request("ringo_biz"), fixture.As(Guid.CreateVersion7())).ResponseAsync);
        Assert.Equal(StatusCode.NotFound, foreign.StatusCode);
        var notSent = await Assert.ThrowsAsync<RpcException>(() => fixture.Client.CancelChannelAsync(Request("genie_tv"), owner).ResponseAsync);
        Assert.Equal((StatusCode.NotFound, "distribution_channel_not_found"), (notSent.StatusCode, ServiceProblem.ReadCode(notSent)));

        // An attempt of kakao_channel that outlived its lease finishing now does not undo the cancellation.
        var repository = fixture.Services.GetRequiredService<DistributionRepository>();
        var run = new DistributionRun(approved.EventId, approved.OwnerId, "동네 붕어빵", "0212345678", "겨울 한정 붕어빵 1+1", "붕어빵 세트", "매장 방문", approved.ImageId, approved.StartsAt, approved.EndsAt);
        Assert.False(await repository.CompleteAttemptAsync(
            new ChannelWork(run, "kakao_channel", new Dictionary<string, string>(), 2500, Attempt: 1),
            new ChannelOutcome.Succeeded(new ChannelPostResult("123456789", "https://pf.kakao.com/_ktevents/123456789", null)),
            CancellationToken.None));

        // Release the rest: ringo_biz is due, naver_blog's worker "died" (its lease ends).
        await using (var release = fixture.Database.CreateCommand(
            "UPDATE distribution_channels SET next_attempt_at = now(), lease_until = CASE WHEN lease_until IS NULL THEN NULL ELSE now() END WHERE event_id = $1"))
        {
            release.Parameters.AddWithValue(approved.EventId);
            await release.ExecuteNonQueryAsync();
        }

        var distribution = await fixture.CompletedAsync(approved);

        Assert.Equal(
            [("ringo_biz", ChannelState.Succeeded), ("instagram", ChannelState.Cancelled), ("naver_blog", ChannelState.Succeeded), ("kakao_channel", ChannelState.Cancelled)],
            distribution.Channels.Select(channel => (channel.Channel, channel.State)));
        Assert.Equal("", distribution.Channels.Single(channel => channel.Channel == "kakao_channel").ExternalId);
        Assert.Equal(["naver_blog", "ringo_biz"], (await fixture.Sandbox.PostsOfAsync(approved.EventId)).Select(post => (string)post["channel"]!).Order());
        Assert.Equal(1, await fixture.CountAsync(
            "SELECT count(*) FROM kt_outbox WHERE routing_key = 'distribution.distribution-completed' AND body->>'eventId' = $1 AND body->'succeededChannels' @> '[\"ringo_biz\", \"naver_blog\"]'::jsonb AND jsonb_array_length(body->'succeededChannels') = 2 AND body->'failedChannels' = '[]'::jsonb",
            approved.EventId.ToString()));
        Assert.Equal(2, await fixture.CountAsync(
            "SELECT count(*) FROM kt_outbox WHERE routing_key = 'distribution.distribution-progressed' AND body->>'eventId' = $1 AND body->>'state' = 'cancelled'",
            approved.EventId.ToString()));
        Assert.Equal(0, await fixture.CountAsync(
            "SELECT count(*) FROM kt_outbox WHERE routing_key = 'distribution.exposure-reported' AND body->>'eventId' = $1 AND body->>'channel' IN ('instagram', 'kakao_channel')",
            approved.EventId.ToString()));
    }

    [Fact]
    public async Task UFR_DIST_020_cancelling_the_last_open_channel_completes_the_run()
    {
        var approved = await fixture.ApprovedEventAsync();
        await InsertHeldRunAsync(approved, "($1, 'genie_tv', '{}', 500000, 20000, 'pending', 0, now() + interval '1 hour', NULL)");

        var genie = await fixture.Client.CancelChannelAsync(
            new ChannelRequest { EventId = approved.EventId.ToString(), Channel = "genie_tv" }, fixture.As(approved.OwnerId));

        Assert.Equal(ChannelState.Cancelled, genie.State);
        Assert.Equal(ChannelState.Cancelled, Assert.Single((await fixture.CompletedAsync(approved)).Channels).State);
        Assert.Equal(1, await fixture.CountAsync(
            "SELECT count(*) FROM kt_outbox WHERE routing_key = 'distribution.distribution-completed' AND body->>'eventId' = $1 AND body->'succeededChannels' = '[]'::jsonb AND body->'failedChannels' = '[]'::jsonb",
            approved.EventId.ToString()));
        Assert.Empty(await fixture.Sandbox.PostsOfAsync(approved.EventId));
    }

    /// <summary>
    /// A run and its channels written straight into the service's tables, for states a test cannot wait
    /// for (a crashed worker's lease, channels held back from the worker): <paramref name="channelValues"/>
    /// are SQL VALUES rows (event_id as $1, channel, options, cost_krw, expected_exposure, state, attempts,
    /// next_attempt_at, lease_until).
    /// </summary>
    private async Task InsertHeldRunAsync(EventApprovedIntegrationEvent approved, string channelValues)
    {
        await using var batch = fixture.Database.CreateBatch();
        batch.BatchCommands.Add(new(
            """
            INSERT INTO distribution_runs (event_id, owner_id, store_name, store_phone, title, prize, participation_method, image_id, starts_at, ends_at, created_at)
            VALUES ($1, $2, '동네 붕어빵', '0212345678', '겨울 한정 붕어빵 1+1', '붕어빵 세트', '매장 방문', $3, $4, $5, now())
            """)
        {
            Parameters =
            {
                new() { Value = approved.EventId },
                new() { Value = approved.OwnerId },
                new() { Value = approved.ImageId },
                new() { Value = approved.StartsAt.ToUniversalTime() },
                new() { Value = approved.EndsAt.ToUniversalTime() },
            },
        });
        batch.BatchCommands.Add(new(
            $"""
            INSERT INTO distribution_channels (event_id, channel, options, cost_krw, expected_exposure, state, attempts, next_attempt_at, lease_until, updated_at)
            SELECT event_id, channel, options::jsonb, cost_krw, expected_exposure, state, attempts, next_attempt_at, lease_until::timestamptz, now()
            FROM (VALUES {channelValues}) AS v (event_id, channel, options, cost_krw, expected_exposure, state, attempts, next_attempt_at, lease_until)
            """)
        {
            Parameters = { new() { Value = approved.EventId } },
        });
        await batch.ExecuteNonQueryAsync();
    }

    private async Task<ChannelDistribution> ChannelAsync(EventApprovedIntegrationEvent approved, string channel, Func<ChannelDistribution, bool> until)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (true)
        {
            var distribution = await fixture.Client.GetDistributionAsync(new GetDistributionRequest { EventId = approved.EventId.ToString() }, fixture.As(approved.OwnerId));
            var row = distribution.Channels.Single(candidate => candidate.Channel == channel);
            if (until(row))
            {
                return row;
            }

            await Task.Delay(50, timeout.Token);
        }
    }

    private static async Task AssertRefusedAsync(AsyncUnaryCall<ChannelDistribution> call, string code, string inDetail)
    {
        var refused = await Assert.ThrowsAsync<RpcException>(() => call.ResponseAsync);
        Assert.Equal(StatusCode.Aborted, refused.StatusCode);
        Assert.Equal(code, ServiceProblem.ReadCode(refused));
        Assert.Contains(inDetail, refused.Status.Detail);
    }
}
