using KtEvents.Analytics.Tests.Infrastructure;
using KtEvents.Contracts.Analytics.V1;
using KtEvents.Contracts.Channels;
using KtEvents.Contracts.IntegrationEvents;
using KtEvents.Contracts.Problems;
using KtEvents.Rpc;

namespace KtEvents.Analytics.Tests;

[Collection(AnalyticsCollection.Name)]
public sealed class EventSummaryTests(AnalyticsServiceFixture service)
{
    [Fact]
    public async Task UFR_ANAL_010_summary_counts_entries_in_total_per_channel_and_per_hour_against_the_plan()
    {
        var ownerId = Guid.CreateVersion7();
        var approved = TestEvents.Approved(ownerId);
        var hour = new DateTimeOffset(2026, 11, 20, 9, 0, 0, TimeSpan.Zero);
        await service.DeliverAsync(
            approved,
            TestEvents.Entry(approved.EventId, 1, ChannelCodes.Instagram, hour.AddMinutes(5)),
            TestEvents.Entry(approved.EventId, 2, ChannelCodes.Instagram, hour.AddMinutes(59)),
            TestEvents.Entry(approved.EventId, 3, ChannelCodes.UriDongneTv, hour.AddMinutes(60)),
            TestEvents.Entry(approved.EventId, 4, channel: null, hour.AddMinutes(61)));

        var summary = await SummaryAsync(approved.EventId, ownerId);

        Assert.Equal(approved.EventId.ToString(), summary.EventId);
        Assert.Equal(4, summary.Participants);
        Assert.Equal(200, summary.ExpectedParticipants);
        Assert.Equal(TestEvents.UridongneCost, summary.TotalCostKrw);
        Assert.Equal(
            [(ChannelCodes.UriDongneTv, 1L, TestEvents.UridongneCost), (ChannelCodes.Instagram, 2L, 0L)],
            summary.Channels.Select(c => (c.Channel, c.Participants, c.CostKrw)));
        Assert.True(summary.UpdatedAt.Seconds > 0);
        Assert.Equal([(hour, 2L), (hour.AddHours(1), 2L)], await HourlyAsync(approved.EventId));
        Assert.Equal([(hour, 2L), (hour.AddHours(1), 2L)], summary.Hourly.Select(h => (h.HourStart.ToDateTimeOffset(), h.Participants)));
    }

    [Fact]
    public async Task UFR_ANAL_010_a_redelivered_or_republished_entry_is_counted_once()
    {
        var ownerId = Guid.CreateVersion7();
        var approved = TestEvents.Approved(ownerId);
        var entry = TestEvents.Entry(approved.EventId, 1, ChannelCodes.Instagram);
        await service.DeliverAsync(approved, entry);

        // The same message again (the inbox's case), then the same entry under a new message id
        // (only the entry number can tell): one consumer, so when the second is handled so is the first.
        await service.PublishAsync(entry);
        await service.DeliverAsync(entry with { Id = Guid.CreateVersion7() });

        var summary = await SummaryAsync(approved.EventId, ownerId);
        Assert.Equal(1, summary.Participants);
        Assert.Equal(1, summary.Channels.Single(c => c.Channel == ChannelCodes.Instagram).Participants);
        Assert.Equal(1L, (await HourlyAsync(approved.EventId)).Sum(bucket => bucket.Participants));
    }

    [Fact]
    public async Task UFR_ANAL_010_entries_arriving_before_the_approval_are_kept_and_shown_once_the_owner_is_known()
    {
        var ownerId = Guid.CreateVersion7();
        var approved = TestEvents.Approved(ownerId);
        await service.DeliverAsync(
            TestEvents.Entry(approved.EventId, 1, ChannelCodes.Instagram),
            TestEvents.Entry(approved.EventId, 2));

        var beforeApproval = await Assert.ThrowsAsync<RpcException>(() => SummaryAsync(approved.EventId, ownerId));
        Assert.Equal(StatusCode.NotFound, beforeApproval.StatusCode);

        await service.DeliverAsync(approved);
        var summary = await SummaryAsync(approved.EventId, ownerId);

        Assert.Equal(2, summary.Participants);
        Assert.Equal(200, summary.ExpectedParticipants);
        Assert.Equal(1, summary.Channels.Single(c => c.Channel == ChannelCodes.Instagram).Participants);
    }

    [Fact]
    public async Task UFR_ANAL_010_exposures_keep_each_channels_latest_measurement_and_add_up()
    {
        var ownerId = Guid.CreateVersion7();
        var approved = TestEvents.Approved(ownerId);
        var t0 = DateTimeOffset.UtcNow.AddMinutes(-30);
        await service.DeliverAsync(
            approved,
            new ExposureReportedIntegrationEvent(approved.EventId, ChannelCodes.Instagram, 100, t0.AddMinutes(10)),
            // Measured earlier, arriving later: it must not move the total back.
            new ExposureReportedIntegrationEvent(approved.EventId, ChannelCodes.Instagram, 50, t0),
            new ExposureReportedIntegrationEvent(approved.EventId, ChannelCodes.UriDongneTv, 700, t0));

        var first = await SummaryAsync(approved.EventId, ownerId);
        await service.DeliverAsync(new ExposureReportedIntegrationEvent(approved.EventId, ChannelCodes.Instagram, 300, t0.AddMinutes(20)));
        var second = await SummaryAsync(approved.EventId, ownerId);

        Assert.Equal(800, first.Exposures);
        Assert.Equal(100, first.Channels.Single(c => c.Channel == ChannelCodes.Instagram).Exposures);
        Assert.Equal(1_000, second.Exposures);
        Assert.Equal(
            [(ChannelCodes.UriDongneTv, 700L), (ChannelCodes.Instagram, 300L)],
            second.Channels.Select(c => (c.Channel, c.Exposures)));
    }

    [Fact]
    public async Task UFR_ANAL_010_another_owners_event_is_not_found_like_a_missing_one()
    {
        var approved = TestEvents.Approved(Guid.CreateVersion7());
        await service.DeliverAsync(approved, TestEvents.Entry(approved.EventId, 1));

        var someoneElse = await Assert.ThrowsAsync<RpcException>(() => SummaryAsync(approved.EventId, Guid.CreateVersion7()));
        var missing = await Assert.ThrowsAsync<RpcException>(() => SummaryAsync(Guid.CreateVersion7(), approved.OwnerId));
        var malformed = await Assert.ThrowsAsync<RpcException>(() =>
            service.Client.GetEventSummaryAsync(new GetEventSummaryRequest { EventId = "not-an-id" }, service.AsOwner(approved.OwnerId)).ResponseAsync);

        foreach (var problem in new[] { someoneElse, missing, malformed })
        {
            Assert.Equal(StatusCode.NotFound, problem.StatusCode);
            Assert.Equal("event_not_found", ServiceProblem.ReadCode(problem));
        }
    }

    [Fact]
    public async Task UFR_ANAL_010_the_summary_needs_a_signed_in_owner()
    {
        var problem = await Assert.ThrowsAsync<RpcException>(() => service.Client.GetEventSummaryAsync(
            new GetEventSummaryRequest { EventId = Guid.CreateVersion7().ToString() }).ResponseAsync);

        Assert.Equal(StatusCode.Unauthenticated, problem.StatusCode);
    }

    private async Task<EventSummary> SummaryAsync(Guid eventId, Guid ownerId) =>
        await service.Client.GetEventSummaryAsync(new GetEventSummaryRequest { EventId = eventId.ToString() }, service.AsOwner(ownerId));

    private async Task<List<(DateTimeOffset Hour, long Participants)>> HourlyAsync(Guid eventId)
    {
        await using var command = service.Database.CreateCommand(
            "SELECT hour_start, participants FROM analytics_hourly WHERE event_id = $1 ORDER BY hour_start");
        command.Parameters.AddWithValue(eventId);
        await using var reader = await command.ExecuteReaderAsync();
        var buckets = new List<(DateTimeOffset, long)>();
        while (await reader.ReadAsync())
        {
            buckets.Add((reader.GetFieldValue<DateTimeOffset>(0), reader.GetInt64(1)));
        }
        return buckets;
    }
}
