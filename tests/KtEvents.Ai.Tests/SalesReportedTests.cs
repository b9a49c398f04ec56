using KtEvents.Ai.Infrastructure;
using KtEvents.Ai.IntegrationEvents.Handlers;
using KtEvents.Ai.Model;
using KtEvents.Ai.Tests.Infrastructure;
using KtEvents.Contracts.IntegrationEvents;
using KtEvents.Testing;

using Microsoft.Extensions.DependencyInjection;

namespace KtEvents.Ai.Tests;

/// <summary>
/// UFR-AI-010 with UFR-ANAL-010: the sales an owner reports for an ended event give its success case
/// a real ROI and measure the ROI its plan predicted (seed 003: 실제 ROI와 예측 ROI 차이), whichever of
/// EventEnded and EventSalesReported arrives first.
/// </summary>
[Collection(AiServiceCollection.Name)]
public sealed class SalesReportedTests(AiServiceFixture service)
{
    private const string Industry = "restaurant";

    [Fact]
    public async Task UFR_AI_010_sales_reported_after_the_end_give_the_case_its_ROI_and_measure_the_predicted_ROI()
    {
        using var errors = new PredictionErrorListener();
        var ended = EventEndedTests.Ended(expected: 120, actual: 100);
        await service.DeliverAsync(ended);
        var before = await service.DataVersionAsync(Industry);

        // 150 % expected, 120 % actual: |150 − 120| / 120 = 0.25.
        await service.DeliverAsync(Sales(ended, actualRoi: 120, expectedRoi: 150, reportedAt: At(0)));

        await AssertOutcomeAsync(ended.EventId, actualRoi: 120, expectedRoi: 150, roiError: 0.25);
        await service.WaitForDataVersionAboveAsync(Industry, before);
        await Eventually.UntilAsync("the ROI prediction error is measured", () => errors.Has(0.25, Industry, "roi"));
    }

    [Fact]
    public async Task UFR_AI_010_sales_that_arrive_before_EventEnded_are_kept_and_completed_by_it()
    {
        var ended = EventEndedTests.Ended(expected: 80, actual: 100);

        await service.DeliverAsync(Sales(ended, actualRoi: -40, expectedRoi: 60, reportedAt: At(0)));
        Assert.Equal(0, await service.ScalarAsync($"SELECT count(*) FROM success_cases WHERE source = 'event:{ended.EventId}'"));
        await service.DeliverAsync(ended);

        // |60 − (−40)| / |−40| = 2.5: a loss the plan did not see coming.
        await AssertOutcomeAsync(ended.EventId, actualRoi: -40, expectedRoi: 60, roiError: 2.5);
    }

    [Fact]
    public async Task UFR_AI_010_a_correction_replaces_the_ROI_while_a_repeat_or_an_older_report_changes_nothing()
    {
        var ended = EventEndedTests.Ended(expected: 50, actual: 50);
        await service.DeliverAsync(ended);
        var first = Sales(ended, actualRoi: 200, expectedRoi: 100, reportedAt: At(0));
        var correction = Sales(ended, actualRoi: 50, expectedRoi: 100, reportedAt: At(5));

        await service.DeliverAsync(first);
        await service.DeliverAsync(correction);
        // The correction again under a new message id, and the first report late (a retry, or another relay).
        await service.DeliverAsync(correction with { Id = Guid.CreateVersion7() });
        await service.DeliverAsync(first with { Id = Guid.CreateVersion7() });

        await AssertOutcomeAsync(ended.EventId, actualRoi: 50, expectedRoi: 100, roiError: 1.0);
        Assert.Equal(1, await service.ScalarAsync($"SELECT count(*) FROM event_sales WHERE event_id = '{ended.EventId}' AND actual_roi_percent = 50"));
    }

    [Fact]
    public async Task UFR_AI_010_a_sales_report_and_the_end_written_at_once_wait_for_each_other_so_the_ROI_is_not_lost()
    {
        // Two replicas handling the two messages at the same moment: the report's transaction is open
        // when the end's begins. Without the lock on the event, the end would see no sales and the
        // report no case, and the case would keep a null ROI.
        var ended = EventEndedTests.Ended(expected: 40, actual: 40);
        var outcomes = service.Services.GetRequiredService<OutcomeRepository>();
        var sales = new SalesOutcome(ended.EventId, Industry, 2_000_000, 1_600_000, 25, 30, At(0));
        await using var reportConnection = await service.Database.OpenConnectionAsync();
        await using var report = await reportConnection.BeginTransactionAsync();
        await outcomes.AddSalesAsync(sales, report, CancellationToken.None);

        var end = Task.Run(async () =>
        {
            await using var endConnection = await service.Database.OpenConnectionAsync();
            await using var transaction = await endConnection.BeginTransactionAsync();
            var changes = await outcomes.AddAsync(EventEndedIntegrationEventHandler.ToOutcome(ended), transaction, CancellationToken.None);
            await transaction.CommitAsync();
            return changes;
        });
        await Task.Delay(TimeSpan.FromMilliseconds(300));
        Assert.False(end.IsCompleted, "The end must wait for the open sales report.");
        await report.CommitAsync();
        var changes = await end;

        Assert.True(changes.CaseChanged);
        Assert.Equal(0.2, changes.RoiError!.Value, precision: 9);
        await AssertOutcomeAsync(ended.EventId, actualRoi: 25, expectedRoi: 30, roiError: 0.2);
    }

    private async Task AssertOutcomeAsync(Guid eventId, int actualRoi, int expectedRoi, double roiError)
    {
        Assert.Equal(1, await service.ScalarAsync(
            $"SELECT count(*) FROM success_cases WHERE source = 'event:{eventId}' AND NOT synthetic AND roi_percent = {actualRoi}"));
        Assert.Equal(1, await service.ScalarAsync($"""
            SELECT count(*) FROM prediction_accuracy
            WHERE event_id = '{eventId}' AND actual_roi_percent = {actualRoi} AND expected_roi_percent = {expectedRoi}
              AND abs(roi_error - {roiError}) < 1e-9
            """));
    }

    private static EventSalesReportedIntegrationEvent Sales(EventEndedIntegrationEvent ended, int actualRoi, int expectedRoi, DateTimeOffset reportedAt) => new(
        ended.EventId, ended.OwnerId, ended.RecommendationId, ended.PlanId, ended.Industry,
        SalesIncreaseKrw: ended.CostKrw * (100 + actualRoi) / 100, ended.CostKrw, actualRoi, expectedRoi, reportedAt);

    /// <summary>A report time after the event (which ended on 2026-04-19), minutes apart.</summary>
    private static DateTimeOffset At(int minutes) => new DateTimeOffset(2026, 4, 20, 3, 0, 0, TimeSpan.Zero).AddMinutes(minutes);
}
