using KtEvents.Contracts.Event.V1;
using KtEvents.Contracts.IntegrationEvents;
using KtEvents.Contracts.Problems;
using KtEvents.Event.Model;
using KtEvents.Event.Tests.Infrastructure;
using KtEvents.Rpc;
using KtEvents.Testing;

namespace KtEvents.Event.Tests;

/// <summary>
/// UFR-ANAL-010 (ROI 상세 분석): the owner reports what an ended event added to the store's sales; the
/// event gets its real ROI against the plan's cost, and the Ai service hears of it (seed 003's
/// 실제 ROI와 예측 ROI 차이).
/// </summary>
[Collection(EventServiceCollection.Name)]
public sealed class SalesReportTests(EventServiceFixture service)
{
    private const string SalesReportedKey = "event.event-sales-reported";

    [Fact]
    public async Task UFR_ANAL_010_an_ended_event_s_sales_give_its_ROI_and_reach_the_Ai_service_once()
    {
        var stored = await EndedEventAsync();

        var detail = await service.Client.ReportSalesAsync(
            new ReportSalesRequest { EventId = stored.EventId.ToString(), SalesIncreaseKrw = 3_000_000 }, service.As(stored.OwnerId));

        // (3,000,000 − 1,600,000) / 1,600,000 × 100 = 87.5 → 88, next to the plan's predicted 180.
        Assert.Equal((3_000_000L, 1_600_000L, 88, 180),
            (detail.Sales.SalesIncreaseKrw, detail.Sales.CostKrw, detail.Sales.RoiPercent, detail.Sales.ExpectedRoiPercent));
        var read = await service.Client.GetEventAsync(new GetEventRequest { EventId = stored.EventId.ToString() }, service.As(stored.OwnerId));
        Assert.Equal(detail.Sales, read.Sales);
        Assert.Equal(1, await service.OutboxCountAsync(stored.EventId, SalesReportedKey));
        var reported = Assert.Single(await ReceivedAsync(stored.EventId, count: 1));
        Assert.Equal((stored.OwnerId, Guid.Parse(stored.RecommendationId), "medium-online", "cafe"),
            (reported.OwnerId, reported.RecommendationId, reported.PlanId, reported.Industry));
        Assert.Equal((3_000_000L, 1_600_000L, 88, 180),
            (reported.SalesIncreaseKrw, reported.CostKrw, reported.ActualRoiPercent, reported.ExpectedRoiPercent));
        Assert.Equal(read.Sales.ReportedAt.ToDateTimeOffset(), reported.ReportedAt);
    }

    [Fact]
    public async Task UFR_ANAL_010_reporting_again_corrects_the_figure_and_publishes_the_newer_report()
    {
        var stored = await EndedEventAsync();
        var owner = service.As(stored.OwnerId);

        await service.Client.ReportSalesAsync(new ReportSalesRequest { EventId = stored.EventId.ToString(), SalesIncreaseKrw = 3_000_000 }, owner);
        var corrected = await service.Client.ReportSalesAsync(
            new ReportSalesRequest { EventId = stored.EventId.ToString(), SalesIncreaseKrw = 1_000_000 }, owner);

        // (1,000,000 − 1,600,000) / 1,600,000 × 100 = −37.5 → −38: the event cost more than it brought.
        Assert.Equal((1_000_000L, -38), (corrected.Sales.SalesIncreaseKrw, corrected.Sales.RoiPercent));
        var received = await ReceivedAsync(stored.EventId, count: 2);
        var (first, second) = (received.Single(r => r.SalesIncreaseKrw == 3_000_000), received.Single(r => r.SalesIncreaseKrw == 1_000_000));
        Assert.True(second.ReportedAt > first.ReportedAt, "The correction must carry the later report time, which orders the two.");
        Assert.Equal(-38, second.ActualRoiPercent);
    }

    [Fact]
    public async Task UFR_ANAL_010_sales_of_an_event_still_running_are_refused_and_nothing_is_stored()
    {
        var startsAt = DateTimeOffset.UtcNow.AddDays(-2);
        var running = await service.InsertEventAsync(startsAt, startsAt.AddDays(14), status: "active");

        var refused = await Assert.ThrowsAsync<RpcException>(() => service.Client.ReportSalesAsync(
            new ReportSalesRequest { EventId = running.EventId.ToString(), SalesIncreaseKrw = 500_000 }, service.As(running.OwnerId)).ResponseAsync);

        Assert.Equal(StatusCode.FailedPrecondition, refused.StatusCode);
        Assert.Equal("event_not_ended", ServiceProblem.ReadCode(refused));
        Assert.Equal("이벤트가 끝난 뒤에 매출을 입력할 수 있어요.", refused.Status.Detail);
        await AssertNothingStoredAsync(running);
    }

    [Theory]
    [InlineData(null)]
    [InlineData(-1L)]
    [InlineData(SalesReturn.MaxSalesIncreaseKrw + 1)]
    public async Task UFR_ANAL_010_a_missing_negative_or_absurd_figure_is_a_field_error_and_nothing_is_stored(long? salesIncreaseKrw)
    {
        var stored = await EndedEventAsync();
        var request = new ReportSalesRequest { EventId = stored.EventId.ToString() };
        if (salesIncreaseKrw is { } value)
        {
            request.SalesIncreaseKrw = value;
        }

        var refused = await Assert.ThrowsAsync<RpcException>(() => service.Client.ReportSalesAsync(request, service.As(stored.OwnerId)).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, refused.StatusCode);
        Assert.Equal(["매출 증가액을 0원 이상 100억원 이하의 금액으로 입력해주세요."], ServiceProblem.ReadFieldErrors(refused)!["salesIncreaseKrw"]);
        await AssertNothingStoredAsync(stored);
    }

    [Fact]
    public async Task UFR_ANAL_010_another_owner_s_event_is_not_found_and_keeps_its_figures()
    {
        var stored = await EndedEventAsync();

        var refused = await Assert.ThrowsAsync<RpcException>(() => service.Client.ReportSalesAsync(
            new ReportSalesRequest { EventId = stored.EventId.ToString(), SalesIncreaseKrw = 9_000_000 }, service.As(Guid.CreateVersion7())).ResponseAsync);

        Assert.Equal(StatusCode.NotFound, refused.StatusCode);
        Assert.Equal("event_not_found", ServiceProblem.ReadCode(refused));
        await AssertNothingStoredAsync(stored);
    }

    [Theory]
    [InlineData(3_000_000L, 1_600_000L, 88)]
    [InlineData(1_000_000L, 1_600_000L, -38)]
    [InlineData(0L, 250_000L, -100)]
    [InlineData(250_000L, 250_000L, 0)]
    [InlineData(3_000_000L, 500_000L, 500)]
    public void UFR_ANAL_010_ROI_is_the_gain_over_the_cost_in_whole_percent(long sales, long cost, int roi) =>
        Assert.Equal(roi, SalesReturn.RoiPercent(sales, cost));

    /// <summary>An approved event past its end, marked ended by the service's own sweep (every 200 ms, on the real clock).</summary>
    private async Task<StoredEvent> EndedEventAsync()
    {
        var endsAt = DateTimeOffset.UtcNow.AddDays(-1);
        var stored = await service.InsertEventAsync(endsAt.AddDays(-14), endsAt, status: "active");
        await Eventually.UntilAsync("the background sweep ends the event", async () =>
            (await service.ReadEndingAsync(stored.EventId)).EndedAt is not null);
        return stored;
    }

    private Task<IReadOnlyList<EventSalesReportedIntegrationEvent>> ReceivedAsync(Guid eventId, int count) =>
        Eventually.UntilAsync($"{count} EventSalesReported reach the broker", () =>
            Task.FromResult(service.SalesReported.For(eventId) is { } received && received.Count >= count ? received : null));

    private async Task AssertNothingStoredAsync(StoredEvent stored)
    {
        var detail = await service.Client.GetEventAsync(new GetEventRequest { EventId = stored.EventId.ToString() }, service.As(stored.OwnerId));
        Assert.Null(detail.Sales);
        Assert.Equal(0, await service.OutboxCountAsync(stored.EventId, SalesReportedKey));
    }
}
