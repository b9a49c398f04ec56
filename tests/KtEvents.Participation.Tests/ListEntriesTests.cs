using KtEvents.Contracts.Participation.V1;
using KtEvents.Contracts.Problems;
using KtEvents.Participation.Tests.Infrastructure;
using KtEvents.Rpc;

namespace KtEvents.Participation.Tests;

[Collection(ParticipationCollection.Name)]
public sealed class ListEntriesTests(ParticipationServiceFixture service)
{
    [Fact]
    public async Task UFR_PART_020_owner_sees_entries_in_number_order_with_names_and_phones_masked_page_by_page()
    {
        var ownerId = Guid.CreateVersion7();
        var approved = await service.ApproveEventAsync(ownerId);
        await service.Client.EnterAsync(EnterTests.Entry(approved.EventId, "홍길동", "010-1234-5678", channel: "uridongne_tv"));
        await service.Client.EnterAsync(EnterTests.Entry(approved.EventId, "김수", "01098765432"));
        await service.Client.EnterAsync(EnterTests.Entry(approved.EventId, "남궁민수", "011-234-5678", channel: "ringo_biz"));

        var first = await service.Client.ListEntriesAsync(
            new ListEntriesRequest { EventId = approved.EventId.ToString(), Page = 1, PageSize = 2 }, AsOwner(ownerId));
        var second = await service.Client.ListEntriesAsync(
            new ListEntriesRequest { EventId = approved.EventId.ToString(), Page = 2, PageSize = 2 }, AsOwner(ownerId));

        Assert.Equal(3, first.Total);
        Assert.Equal(3, second.Total);
        Assert.Equal(
            [("A-000001", "홍*동", "010-****-5678", "uridongne_tv"), ("A-000002", "김*", "010-****-5432", "")],
            first.Entries.Select(e => (e.EntryNumber, e.MaskedName, e.MaskedPhone, e.Channel)));
        var last = Assert.Single(second.Entries);
        Assert.Equal(("A-000003", "남**수", "011-***-5678"), (last.EntryNumber, last.MaskedName, last.MaskedPhone));
        Assert.All(first.Entries.Concat(second.Entries), e => Assert.False(e.Winner));
        Assert.All(first.Entries.Concat(second.Entries), e => Assert.True(e.EnteredAt.Seconds > 0));
    }

    [Fact]
    public async Task UFR_PART_020_another_owners_event_is_not_found_like_a_missing_one()
    {
        var approved = await service.ApproveEventAsync();
        await service.Client.EnterAsync(EnterTests.Entry(approved.EventId, "홍길동", "010-1234-5678"));

        var someoneElse = await Assert.ThrowsAsync<RpcException>(() => service.Client.ListEntriesAsync(
            new ListEntriesRequest { EventId = approved.EventId.ToString() }, AsOwner(Guid.CreateVersion7())).ResponseAsync);
        var missing = await Assert.ThrowsAsync<RpcException>(() => service.Client.ListEntriesAsync(
            new ListEntriesRequest { EventId = Guid.CreateVersion7().ToString() }, AsOwner(approved.OwnerId)).ResponseAsync);

        Assert.Equal((StatusCode.NotFound, "event_not_found"), (someoneElse.StatusCode, ServiceProblem.ReadCode(someoneElse)));
        Assert.Equal((missing.StatusCode, ServiceProblem.ReadCode(missing), missing.Status.Detail),
            (someoneElse.StatusCode, ServiceProblem.ReadCode(someoneElse), someoneElse.Status.Detail));
    }

    [Fact]
    public async Task UFR_PART_020_the_list_needs_a_signed_in_owner()
    {
        var approved = await service.ApproveEventAsync();

        var problem = await Assert.ThrowsAsync<RpcException>(() => service.Client.ListEntriesAsync(
            new ListEntriesRequest { EventId = approved.EventId.ToString() }).ResponseAsync);

        Assert.Equal(StatusCode.Unauthenticated, problem.StatusCode);
    }

    private CallOptions AsOwner(Guid ownerId) =>
        new(new Metadata { { "authorization", $"Bearer {service.Identity.CreateAccessToken(ownerId)}" } });
}
