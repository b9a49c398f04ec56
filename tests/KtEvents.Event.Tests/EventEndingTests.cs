using KtEvents.Contracts.Event.V1;
using KtEvents.Contracts.IntegrationEvents;
using KtEvents.Event.Tests.Infrastructure;
using KtEvents.Testing;

namespace KtEvents.Event.Tests;

/// <summary>
/// Seed 003 (실제 성과 → 정확도), UFR-AI-010: an approved event whose period is over is ended once, and
/// the Ai service receives one EventEnded with the participants Participation registered.
/// </summary>
[Collection(EventServiceCollection.Name)]
public sealed class EventEndingTests(EventServiceFixture service)
{
    [Fact]
    public async Task UFR_AI_010_EventEnded_is_published_once_with_each_participant_counted_once()
    {
        var endsAt = Future(days: 30);
        var stored = await service.InsertEventAsync(endsAt.AddDays(-14), endsAt, status: "active");
        var other = await service.InsertEventAsync(endsAt.AddDays(-14), endsAt.AddDays(30));

        var first = Entry(stored.EventId, "A-000001");
        var second = Entry(stored.EventId, "A-000002");
        await service.Publisher.PublishAsync(first);
        await service.Publisher.PublishAsync(second);
        await service.Publisher.PublishAsync(Entry(stored.EventId, "A-000003"));
        await service.Publisher.PublishAsync(Entry(other.EventId, "A-000001"));
        // The broker redelivering a message (same id), and Participation's relay publishing the same
        // entry again under a new id: neither is a new participant.
        await service.Publisher.PublishAsync(first);
        var republished = second with { Id = Guid.CreateVersion7() };
        await service.Publisher.PublishAsync(republished);
        // One message at a time, in order: once the last is handled, so is the redelivery before it.
        await Eventually.UntilHandledAsync(service.Database, EventServiceFixture.Queue, republished.Id);

        await using (var sweeper = service.SweeperAt(endsAt.AddMinutes(1)))
        {
            await sweeper.SweepAsync();
        }

        var (status, endedAt) = await service.ReadEndingAsync(stored.EventId);
        Assert.Equal("ended", status);
        Assert.Equal(endsAt.AddMinutes(1), endedAt);
        Assert.Equal(1, await service.OutboxCountAsync(stored.EventId));
        var ended = Assert.Single(await Eventually.UntilAsync("EventEnded reaches the broker", async () =>
        {
            await Task.CompletedTask;
            return service.Ended.For(stored.EventId) is { Count: > 0 } received ? received : null;
        }));
        Assert.Equal(3, ended.ActualParticipants);
        Assert.Equal(stored.OwnerId, ended.OwnerId);
        Assert.Equal(Guid.Parse(stored.RecommendationId), ended.RecommendationId);
        Assert.Equal(("medium-online", "겨울 한정 붕어빵 1+1", "붕어빵 세트", "인스타그램 팔로우 후 댓글"),
            (ended.PlanId, ended.Title, ended.Prize, ended.ParticipationMethod));
        Assert.Equal(("cafe", "서울특별시 마포구 연남로 12", "new_customers"), (ended.Industry, ended.Address, ended.Purpose));
        Assert.Equal((stored.StartsAt, stored.EndsAt), (ended.StartsAt, ended.EndsAt));
        // The plan's cost and prediction, not the channels' 30,000원 of paid media.
        Assert.Equal((1_600_000L, 120), (ended.CostKrw, ended.ExpectedParticipants));

        // The owner's list and detail say 종료 from the mark, whatever the clock says.
        var list = await service.Client.ListEventsAsync(new ListEventsRequest(), service.As(stored.OwnerId));
        Assert.Equal(EventStatus.Ended, Assert.Single(list.Events).Status);
        var detail = await service.Client.GetEventAsync(new GetEventRequest { EventId = stored.EventId.ToString() }, service.As(stored.OwnerId));
        Assert.Equal(EventStatus.Ended, detail.Status);
    }

    [Fact]
    public async Task UFR_AI_010_EventEnded_an_event_still_running_and_a_draft_are_not_touched()
    {
        var now = Future(days: 60);
        var running = await service.InsertEventAsync(now.AddDays(-3), now.AddSeconds(1));
        // A draft has no period today; giving it one past shows it is the status that keeps it out.
        var draft = await service.InsertEventAsync(now.AddDays(-10), now.AddDays(-1), status: "draft");

        await using (var sweeper = service.SweeperAt(now))
        {
            await sweeper.SweepAsync();
        }

        Assert.Equal(("scheduled", (DateTimeOffset?)null), await service.ReadEndingAsync(running.EventId));
        Assert.Equal(("draft", (DateTimeOffset?)null), await service.ReadEndingAsync(draft.EventId));
        Assert.Equal(0, await service.OutboxCountAsync(running.EventId));
        Assert.Equal(0, await service.OutboxCountAsync(draft.EventId));
    }

    [Fact]
    public async Task UFR_AI_010_EventEnded_two_sweepers_at_once_and_a_later_sweep_end_an_event_once()
    {
        var endsAt = Future(days: 90);
        var stored = await service.InsertEventAsync(endsAt.AddDays(-7), endsAt);
        var now = endsAt.AddMinutes(5);

        await using (var one = service.SweeperAt(now))
        await using (var two = service.SweeperAt(now))
        {
            await Task.WhenAll(one.SweepAsync(), two.SweepAsync());
        }

        await using (var later = service.SweeperAt(now.AddMinutes(1)))
        {
            await later.SweepAsync();
        }

        Assert.Equal(1, await service.OutboxCountAsync(stored.EventId));
        // The one that won stamped its clock; the later sweep found the mark and left it.
        Assert.Equal(("ended", (DateTimeOffset?)now), await service.ReadEndingAsync(stored.EventId));
        var ended = Assert.Single(await Eventually.UntilAsync("EventEnded reaches the broker", async () =>
        {
            await Task.CompletedTask;
            return service.Ended.For(stored.EventId) is { Count: > 0 } received ? received : null;
        }));
        Assert.Equal(0, ended.ActualParticipants);
    }

    [Fact]
    public async Task UFR_AI_010_EventEnded_the_service_s_own_sweep_ends_an_event_past_its_end()
    {
        // The real clock and the service's background sweep (every 200 ms in this fixture).
        var endsAt = DateTimeOffset.UtcNow.AddDays(-1);
        var stored = await service.InsertEventAsync(endsAt.AddDays(-7), endsAt);

        await Eventually.UntilAsync("the background sweep ends the event", async () =>
            (await service.ReadEndingAsync(stored.EventId)).EndedAt is not null);

        Assert.Equal(1, await service.OutboxCountAsync(stored.EventId));
    }

    private static ParticipantRegisteredIntegrationEvent Entry(Guid eventId, string entryNumber) =>
        new(eventId, entryNumber, "instagram", DateTimeOffset.UtcNow);

    /// <summary>A moment ahead of the real clock (where the service's own sweep cannot reach), to the second as Postgres keeps it.</summary>
    private static DateTimeOffset Future(int days)
    {
        var at = DateTimeOffset.UtcNow.AddDays(days);
        return new DateTimeOffset(at.Ticks - at.Ticks % TimeSpan.TicksPerSecond, TimeSpan.Zero);
    }
}
