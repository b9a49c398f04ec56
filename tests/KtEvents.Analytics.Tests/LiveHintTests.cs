using System.Threading.Channels;

using KtEvents.Analytics.Tests.Infrastructure;
using KtEvents.Caching;
using KtEvents.Contracts.Channels;
using KtEvents.Contracts.IntegrationEvents;

namespace KtEvents.Analytics.Tests;

[Collection(AnalyticsCollection.Name)]
public sealed class LiveHintTests(AnalyticsServiceFixture service)
{
    [Fact]
    public async Task UFR_ANAL_010_each_change_sends_an_analytics_hint_on_the_events_live_channel()
    {
        var approved = TestEvents.Approved(Guid.CreateVersion7());
        var hints = Channel.CreateUnbounded<string>();
        var channel = RedisChannel.Literal(LiveChannels.ForEvent(approved.EventId));
        await service.Redis.GetSubscriber().SubscribeAsync(channel, (_, message) => hints.Writer.TryWrite(message.ToString()));
        try
        {
            await service.DeliverAsync(approved);
            Assert.Equal("""{"type":"analytics"}""", await NextAsync(hints));

            await service.DeliverAsync(TestEvents.Entry(approved.EventId, 1, ChannelCodes.Instagram));
            Assert.Equal("""{"type":"analytics"}""", await NextAsync(hints));

            await service.DeliverAsync(new ExposureReportedIntegrationEvent(approved.EventId, ChannelCodes.Instagram, 10, DateTimeOffset.UtcNow));
            Assert.Equal("""{"type":"analytics"}""", await NextAsync(hints));

            await service.DeliverAsync(new DistributionCompletedIntegrationEvent(
                approved.EventId, approved.OwnerId, [ChannelCodes.Instagram], [ChannelCodes.UriDongneTv]));
            Assert.Equal("""{"type":"analytics"}""", await NextAsync(hints));
        }
        finally
        {
            await service.Redis.GetSubscriber().UnsubscribeAsync(channel);
        }
    }

    [Fact]
    public async Task UFR_ANAL_010_a_republished_entry_changes_nothing_and_sends_no_hint()
    {
        var approved = TestEvents.Approved(Guid.CreateVersion7());
        var entry = TestEvents.Entry(approved.EventId, 1);
        await service.DeliverAsync(approved, entry);
        var hints = Channel.CreateUnbounded<string>();
        var channel = RedisChannel.Literal(LiveChannels.ForEvent(approved.EventId));
        await service.Redis.GetSubscriber().SubscribeAsync(channel, (_, message) => hints.Writer.TryWrite(message.ToString()));
        try
        {
            await service.DeliverAsync(entry with { Id = Guid.CreateVersion7() });
            // A real change afterwards: its hint must be the first one to arrive.
            await service.DeliverAsync(TestEvents.Entry(approved.EventId, 2));

            Assert.Equal("""{"type":"analytics"}""", await NextAsync(hints));
            await Task.Delay(200);
            Assert.False(hints.Reader.TryRead(out _), "The republished entry sent a hint.");
        }
        finally
        {
            await service.Redis.GetSubscriber().UnsubscribeAsync(channel);
        }
    }

    private static async Task<string> NextAsync(Channel<string> hints)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        return await hints.Reader.ReadAsync(timeout.Token);
    }
}
