using System.Collections.Concurrent;
using System.Text.Json.Nodes;

using KtEvents.Caching;
using KtEvents.Contracts.Channels;
using KtEvents.Contracts.Distribution.V1;
using KtEvents.Contracts.Problems;
using KtEvents.Distribution.Tests.Infrastructure;
using KtEvents.Rpc;

namespace KtEvents.Distribution.Tests;

/// <summary>
/// UFR-DIST-010/020 end to end: an EventApproved published on the real RabbitMQ, the real Content
/// for images, the Sandbox's channel APIs receiving the posts. Tests of one class run one at a time,
/// so the faults a test injects into the (shared) Sandbox are its own.
/// </summary>
public sealed partial class DistributionTests(DistributionFixture fixture) : IClassFixture<DistributionFixture>
{
    [Fact]
    public async Task UFR_DIST_010_an_approved_event_is_posted_exactly_once_to_every_channel()
    {
        var approved = await fixture.ApprovedEventAsync();
        var hints = new ConcurrentQueue<string>();
        var live = RedisChannel.Literal(LiveChannels.ForEvent(approved.EventId));
        await fixture.Redis.GetSubscriber().SubscribeAsync(live, (_, message) => hints.Enqueue(message.ToString()));

        await fixture.EventBus.PublishAsync(approved);
        var distribution = await fixture.CompletedAsync(approved);

        Assert.Equal(ChannelCodes.All, distribution.Channels.Select(channel => channel.Channel));
        var posts = await fixture.Sandbox.PostsOfAsync(approved.EventId);
        foreach (var channel in distribution.Channels)
        {
            Assert.Equal(ChannelState.Succeeded, channel.State);
            Assert.Equal(1, channel.Attempts);
            Assert.Equal("", channel.ErrorMessage);
            var post = Assert.Single(posts, post => (string?)post["channel"] == channel.Channel);
            Assert.Equal((string?)post["externalId"], channel.ExternalId);
            Assert.Equal((string?)post["url"] ?? "", channel.PostUrl);
        }

        Assert.Equal(6, posts.Count);
        Assert.All(distribution.Channels.Where(channel => channel.Channel is "instagram" or "naver_blog" or "kakao_channel"), channel =>
            Assert.StartsWith("https://", channel.PostUrl));

        // SNS channels received the event's image from Content, rendered to a 1080×1080 PNG.
        foreach (var sns in posts.Where(post => (string?)post["channel"] is "naver_blog" or "kakao_channel"))
        {
            Assert.Equal("image/png", (string?)sns["request"]!["image"]!["content_type"]);
            var png = Convert.FromBase64String((string)sns["request"]!["image"]!["data"]!);
            Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png[..4]);
            Assert.Equal(1080, System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16, 4)));
        }

        // Outbox: progress of each channel, its exposure, and one completion with all six.
        Assert.Equal(6, await fixture.CountAsync(
            "SELECT count(*) FROM kt_outbox WHERE routing_key = 'distribution.distribution-progressed' AND body->>'eventId' = $1 AND body->>'state' = 'succeeded'",
            approved.EventId.ToString()));
        Assert.Equal(1, await fixture.CountAsync(
            "SELECT count(*) FROM kt_outbox WHERE routing_key = 'distribution.distribution-completed' AND body->>'eventId' = $1 AND jsonb_array_length(body->'succeededChannels') = 6 AND jsonb_array_length(body->'failedChannels') = 0",
            approved.EventId.ToString()));
        var uridongne = Assert.Single(posts, post => (string?)post["channel"] == "uridongne_tv");
        Assert.Equal(1, await fixture.CountAsync(
            "SELECT count(*) FROM kt_outbox WHERE routing_key = 'distribution.exposure-reported' AND body->>'eventId' = $1 AND body->>'channel' = 'uridongne_tv' AND (body->>'totalExposures')::bigint = $2",
            approved.EventId.ToString(), uridongne["response"]!["expectedExposure"]!.GetValue<long>()));
        Assert.Equal(1, await fixture.CountAsync(
            "SELECT count(*) FROM kt_outbox WHERE routing_key = 'distribution.exposure-reported' AND body->>'eventId' = $1 AND body->>'channel' = 'instagram' AND (body->>'totalExposures')::bigint = 3000",
            approved.EventId.ToString()));

        // Browsers watching the event were told to read again.
        await Eventually(() => !hints.IsEmpty);
        Assert.All(hints, hint => Assert.Equal("""{"type":"distribution"}""", hint));
        await fixture.Redis.GetSubscriber().UnsubscribeAsync(live);
    }

    [Fact]
    public async Task UFR_DIST_010_a_channel_failing_twice_is_posted_once_on_its_third_attempt()
    {
        await fixture.Sandbox.SetFaultsAsync("instagram", 2);
        var approved = await fixture.ApprovedEventAsync();

        await fixture.EventBus.PublishAsync(approved);
        var distribution = await fixture.CompletedAsync(approved);

        var instagram = distribution.Channels.Single(channel => channel.Channel == "instagram");
        Assert.Equal((ChannelState.Succeeded, 3, ""), (instagram.State, instagram.Attempts, instagram.ErrorMessage));
        Assert.All(distribution.Channels.Where(channel => channel.Channel != "instagram"), channel =>
            Assert.Equal((ChannelState.Succeeded, 1), (channel.State, channel.Attempts)));
        var posts = await fixture.Sandbox.PostsOfAsync(approved.EventId);
        Assert.Single(posts, post => (string?)post["channel"] == "instagram");
        Assert.Equal(6, posts.Count);
    }

    [Fact]
    public async Task UFR_DIST_010_a_channel_that_keeps_failing_fails_with_a_message_while_the_others_succeed()
    {
        await fixture.Sandbox.SetFaultsAsync("genie_tv", 1_000);
        try
        {
            var approved = await fixture.ApprovedEventAsync();

            await fixture.EventBus.PublishAsync(approved);
            var distribution = await fixture.CompletedAsync(approved);

            var genie = distribution.Channels.Single(channel => channel.Channel == "genie_tv");
            Assert.Equal((ChannelState.Failed, 3), (genie.State, genie.Attempts));
            Assert.Contains("지니TV", genie.ErrorMessage);
            Assert.Contains("3번 시도", genie.ErrorMessage);
            Assert.Equal("", genie.ExternalId);
            Assert.All(distribution.Channels.Where(channel => channel.Channel != "genie_tv"), channel =>
                Assert.Equal(ChannelState.Succeeded, channel.State));
            Assert.DoesNotContain(await fixture.Sandbox.PostsOfAsync(approved.EventId), post => (string?)post["channel"] == "genie_tv");
            Assert.Equal(1, await fixture.CountAsync(
                "SELECT count(*) FROM kt_outbox WHERE routing_key = 'distribution.distribution-completed' AND body->>'eventId' = $1 AND body->'failedChannels' = '[\"genie_tv\"]'::jsonb",
                approved.EventId.ToString()));
            Assert.Equal(0, await fixture.CountAsync(
                "SELECT count(*) FROM kt_outbox WHERE routing_key = 'distribution.exposure-reported' AND body->>'eventId' = $1 AND body->>'channel' = 'genie_tv'",
                approved.EventId.ToString()));
        }
        finally
        {
            await fixture.Sandbox.SetFaultsAsync("genie_tv", 0);
        }
    }

    [Fact]
    public async Task UFR_DIST_010_what_a_retry_cannot_fix_fails_at_once_with_a_message()
    {
        // An image Content does not have: SNS channels cannot post, and trying again would not help.
        // A channel code nobody knows: reported, not silently dropped. The other channels go on.
        var approved = await fixture.ApprovedEventAsync();
        approved = approved with
        {
            ImageId = Guid.CreateVersion7(),
            Channels = [.. approved.Channels, new("myspace", new Dictionary<string, string>(), 0, 100)],
        };

        await fixture.EventBus.PublishAsync(approved);
        var distribution = await fixture.CompletedAsync(approved);

        var byChannel = distribution.Channels.ToDictionary(channel => channel.Channel);
        foreach (var sns in new[] { "instagram", "naver_blog", "kakao_channel" })
        {
            Assert.Equal((ChannelState.Failed, 1), (byChannel[sns].State, byChannel[sns].Attempts));
            Assert.Contains("이미지를 찾을 수 없어", byChannel[sns].ErrorMessage);
        }

        Assert.Equal(ChannelState.Failed, byChannel["myspace"].State);
        Assert.Contains("지원하지 않는", byChannel["myspace"].ErrorMessage);
        Assert.All(new[] { "uridongne_tv", "ringo_biz", "genie_tv" }, channel => Assert.Equal(ChannelState.Succeeded, byChannel[channel].State));
        Assert.Equal(3, (await fixture.Sandbox.PostsOfAsync(approved.EventId)).Count);
    }

    [Fact]
    public async Task UFR_DIST_010_a_redelivered_approval_changes_nothing()
    {
        var approved = await fixture.ApprovedEventAsync();
        await fixture.EventBus.PublishAsync(approved);
        await fixture.CompletedAsync(approved);
        var before = await SnapshotAsync(approved.EventId);
        var outboxBefore = await fixture.CountAsync("SELECT count(*) FROM kt_outbox");

        // The broker delivering the same message again (the inbox drops it), and the same approval
        // under a new message id (the run's key does): both are handled, and neither changes anything.
        await fixture.RedeliverAsync(approved.Id);
        var again = approved with { Id = Guid.CreateVersion7() };
        await fixture.EventBus.PublishAsync(again);
        await Eventually(async () => await fixture.CountAsync("SELECT count(*) FROM kt_inbox WHERE message_id = $1", again.Id) == 1);
        await Task.Delay(300);

        Assert.Equal(before, await SnapshotAsync(approved.EventId));
        Assert.Equal(6, (await fixture.Sandbox.PostsOfAsync(approved.EventId)).Count);
        // Only the republished EventApproved row was added to the outbox: no progress, no second completion.
        Assert.Equal(outboxBefore + 1, await fixture.CountAsync("SELECT count(*) FROM kt_outbox"));
    }

    [Fact]
    public async Task UFR_DIST_010_a_run_interrupted_by_a_crash_is_resumed()
    {
        // What a crash leaves behind: a run recorded, one channel claimed by a worker that died in
        // the middle of its first attempt (lease expired), the others never started.
        var approved = await fixture.ApprovedEventAsync();
        await InsertHeldRunAsync(approved,
            "($1, 'ringo_biz', '{}', 30000, 1500, 'running', 1, now(), now() - interval '1 second'), " +
            "($1, 'naver_blog', '{}', 0, 2000, 'pending', 0, now(), NULL)");

        var distribution = await fixture.CompletedAsync(approved);

        Assert.Equal([("ringo_biz", ChannelState.Succeeded, 2), ("naver_blog", ChannelState.Succeeded, 1)],
            distribution.Channels.Select(channel => (channel.Channel, channel.State, channel.Attempts)));
        Assert.Equal(2, (await fixture.Sandbox.PostsOfAsync(approved.EventId)).Count);
    }

    [Fact]
    public async Task UFR_DIST_020_the_owner_reads_each_channel_and_nobody_else_does()
    {
        var approved = await fixture.ApprovedEventAsync();
        await fixture.EventBus.PublishAsync(approved);
        await fixture.CompletedAsync(approved);
        var request = new GetDistributionRequest { EventId = approved.EventId.ToString() };

        var distribution = await fixture.Client.GetDistributionAsync(request, fixture.As(approved.OwnerId));

        Assert.Equal(approved.EventId.ToString(), distribution.EventId);
        Assert.Equal(
            approved.Channels.Select(channel => (channel.Channel, channel.ExpectedExposure)),
            distribution.Channels.Select(channel => (channel.Channel, channel.ExpectedExposure)));
        Assert.All(distribution.Channels, channel =>
        {
            Assert.Equal(ChannelState.Succeeded, channel.State);
            Assert.NotEqual("", channel.ExternalId);
            Assert.NotNull(channel.UpdatedAt);
        });
        Assert.StartsWith("UDTV-", distribution.Channels.Single(channel => channel.Channel == "uridongne_tv").ExternalId);
        Assert.StartsWith("GTV-AD-", distribution.Channels.Single(channel => channel.Channel == "genie_tv").ExternalId);

        var foreign = await Assert.ThrowsAsync<RpcException>(() => fixture.Client.GetDistributionAsync(request, fixture.As(Guid.CreateVersion7())).ResponseAsync);
        Assert.Equal(StatusCode.NotFound, foreign.StatusCode);
        Assert.Equal("event_not_found", ServiceProblem.ReadCode(foreign));

        var unknown = await Assert.ThrowsAsync<RpcException>(() => fixture.Client.GetDistributionAsync(
            new GetDistributionRequest { EventId = Guid.CreateVersion7().ToString() }, fixture.As(approved.OwnerId)).ResponseAsync);
        Assert.Equal(StatusCode.NotFound, unknown.StatusCode);

        var malformed = await Assert.ThrowsAsync<RpcException>(() => fixture.Client.GetDistributionAsync(
            new GetDistributionRequest { EventId = "nope" }, fixture.As(approved.OwnerId)).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, malformed.StatusCode);
        Assert.Contains("eventId", ServiceProblem.ReadFieldErrors(malformed)!.Keys);

        var anonymous = await Assert.ThrowsAsync<RpcException>(() => fixture.Client.GetDistributionAsync(request).ResponseAsync);
        Assert.Equal(StatusCode.Unauthenticated, anonymous.StatusCode);
    }

    private async Task<List<string>> SnapshotAsync(Guid eventId)
    {
        await using var command = fixture.Database.CreateCommand(
            "SELECT concat_ws('|', channel, state, attempts, external_id, post_url, error_message, updated_at) FROM distribution_channels WHERE event_id = $1 ORDER BY channel");
        command.Parameters.AddWithValue(eventId);
        var rows = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add(reader.GetString(0));
        }

        return rows;
    }

    private static Task Eventually(Func<bool> condition) => Eventually(() => Task.FromResult(condition()));

    private static async Task Eventually(Func<Task<bool>> condition)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (!await condition())
        {
            await Task.Delay(50, timeout.Token);
        }
    }
}
