using KtEvents.Analytics.Tests.Infrastructure;
using KtEvents.Contracts.Analytics.V1;
using KtEvents.Contracts.Channels;
using KtEvents.Contracts.IntegrationEvents;
using KtEvents.Contracts.Problems;
using KtEvents.Rpc;

namespace KtEvents.Analytics.Tests;

/// <summary>The figures on the dashboard's event cards: many events in one call, the caller's only.</summary>
[Collection(AnalyticsCollection.Name)]
public sealed class EventTotalsTests(AnalyticsServiceFixture service)
{
    [Fact]
    public async Task UFR_EVENT_010_cards_get_participants_and_exposures_of_the_callers_events_only()
    {
        var ownerId = Guid.CreateVersion7();
        var busy = TestEvents.Approved(ownerId);
        var quiet = TestEvents.Approved(ownerId);
        var someoneElses = TestEvents.Approved(Guid.CreateVersion7());
        await service.DeliverAsync(
            busy, quiet, someoneElses,
            TestEvents.Entry(busy.EventId, 1, ChannelCodes.Instagram),
            TestEvents.Entry(busy.EventId, 2),
            TestEvents.Entry(someoneElses.EventId, 1),
            new ExposureReportedIntegrationEvent(busy.EventId, ChannelCodes.Instagram, 1_200, DateTimeOffset.UtcNow),
            new ExposureReportedIntegrationEvent(busy.EventId, ChannelCodes.UriDongneTv, 3_000, DateTimeOffset.UtcNow));
        var request = new ListEventTotalsRequest
        {
            EventIds = { busy.EventId.ToString(), quiet.EventId.ToString(), someoneElses.EventId.ToString(), Guid.CreateVersion7().ToString(), "not-an-id" },
        };

        var reply = await service.Client.ListEventTotalsAsync(request, service.AsOwner(ownerId));

        Assert.Equal(
            [(busy.EventId.ToString(), 2L, 4_200L), (quiet.EventId.ToString(), 0L, 0L)],
            reply.Events.Select(e => (e.EventId, e.Participants, e.Exposures)).OrderBy(e => e.Item2 == 0));
    }

    [Fact]
    public async Task UFR_EVENT_010_more_than_a_hundred_ids_at_once_is_a_validation_error()
    {
        var request = new ListEventTotalsRequest();
        request.EventIds.AddRange(Enumerable.Range(0, 101).Select(_ => Guid.CreateVersion7().ToString()));

        var problem = await Assert.ThrowsAsync<RpcException>(() =>
            service.Client.ListEventTotalsAsync(request, service.AsOwner(Guid.CreateVersion7())).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, problem.StatusCode);
        Assert.Contains("eventIds", ServiceProblem.ReadFieldErrors(problem)!.Keys);
    }
}
