using KtEvents.Ai.Model;
using KtEvents.Ai.Tests.Infrastructure;
using KtEvents.Contracts.Ai.V1;
using KtEvents.Contracts.IntegrationEvents;
using KtEvents.Testing;

namespace KtEvents.Ai.Tests;

/// <summary>UFR-AI-010: real outcomes (EventEnded) join the data, their prediction error is kept, and the industry's caches are retired.</summary>
[Collection(AiServiceCollection.Name)]
public sealed class EventEndedTests(AiServiceFixture service)
{
    // The Claude engine's tests (running at the same time) ask about cafes: no outcome here is a cafe's.
    private const string Industry = "restaurant";

    [Fact]
    public async Task UFR_AI_010_an_ended_event_adds_one_real_success_case_and_one_accuracy_row()
    {
        using var errors = new PredictionErrorListener();
        var recommendationId = Guid.CreateVersion7();
        var ended = Ended(expected: 120, actual: 100) with { RecommendationId = recommendationId };

        await service.DeliverAsync(ended);

        Assert.Equal(1, await service.ScalarAsync($"""
            SELECT count(*) FROM success_cases
            WHERE source = 'event:{ended.EventId}' AND NOT synthetic AND industry = 'restaurant'
              AND city = '부산' AND district = '해운대구' AND season = 'spring' AND event_date = '2026-04-05'
              AND budget_tier = 'medium' AND kind = 'offline' AND budget_krw = 1600000 AND cost_krw = 1600000
              AND participants = 100 AND roi_percent IS NULL AND event_type = '스탬프 적립'
              AND title = '해운대 봄맞이 스탬프 이벤트' AND prize = '아메리카노 1잔'
            """));
        Assert.Equal(1, await service.ScalarAsync($"""
            SELECT count(*) FROM prediction_accuracy
            WHERE event_id = '{ended.EventId}' AND recommendation_id = '{recommendationId}' AND plan_id = 'medium-offline'
              AND industry = 'restaurant' AND expected_participants = 120 AND actual_participants = 100 AND abs(error - 0.2) < 1e-9
              AND expected_roi_percent IS NULL AND actual_roi_percent IS NULL AND roi_error IS NULL
            """));
        await Eventually.UntilAsync("the prediction error is measured", () => errors.Has(0.2, Industry, "participants"));
    }

    [Fact]
    public async Task UFR_AI_010_an_outcome_redelivered_or_published_again_is_kept_once()
    {
        var ended = Ended(expected: 50, actual: 40);

        await service.DeliverAsync(ended);
        // The same message again (the inbox takes it), then the same event under a new message id (only the event id can tell).
        await service.DeliverAsync(ended);
        await service.DeliverAsync(ended with { Id = Guid.CreateVersion7() });

        Assert.Equal(1, await service.ScalarAsync($"SELECT count(*) FROM success_cases WHERE source = 'event:{ended.EventId}'"));
        Assert.Equal(1, await service.ScalarAsync($"SELECT count(*) FROM prediction_accuracy WHERE event_id = '{ended.EventId}'"));
    }

    [Fact]
    public async Task UFR_AI_010_an_outcome_without_sales_or_participants_stays_out_of_roi_statistics_and_has_no_error()
    {
        var ended = Ended(expected: 30, actual: 0);
        var before = await service.DataVersionAsync(Industry);

        await service.DeliverAsync(ended);
        await service.WaitForDataVersionAboveAsync(Industry, before);
        var reply = await service.Client.RecommendAsync(Request(daysAhead: 12), service.AsOwner());

        Assert.Equal(1, await service.ScalarAsync($"SELECT count(*) FROM success_cases WHERE source = 'event:{ended.EventId}' AND roi_percent IS NULL AND participants = 0"));
        Assert.Equal(1, await service.ScalarAsync($"SELECT count(*) FROM prediction_accuracy WHERE event_id = '{ended.EventId}' AND error IS NULL"));
        // Recomputed over data that now holds an unknown ROI: every plan still has a real ROI from known ones.
        Assert.False(reply.Metadata.CacheHit);
        Assert.All(reply.Plans, plan => Assert.True(plan.ExpectedRoiPercent > 0, plan.PlanId));
    }

    [Fact]
    public async Task UFR_AI_010_new_outcomes_for_an_industry_retire_its_cached_answers_while_other_industries_stay_cached()
    {
        var restaurant = Request(daysAhead: 13);
        var beauty = restaurant.Clone();
        beauty.Industry = "beauty";
        await service.Client.RecommendAsync(restaurant, service.AsOwner());
        await service.Client.RecommendAsync(beauty, service.AsOwner());
        var cached = await service.Client.RecommendAsync(restaurant, service.AsOwner());
        var before = await service.DataVersionAsync(Industry);

        await service.DeliverAsync(Ended(expected: 200, actual: 250));
        await service.WaitForDataVersionAboveAsync(Industry, before);
        var recomputed = await service.Client.RecommendAsync(restaurant, service.AsOwner());
        var otherIndustry = await service.Client.RecommendAsync(beauty, service.AsOwner());

        Assert.True(cached.Metadata.CacheHit);
        Assert.False(recomputed.Metadata.CacheHit);
        Assert.True(otherIndustry.Metadata.CacheHit);
    }

    [Theory]
    [InlineData(120, 100, 0.2)]
    [InlineData(80, 100, 0.2)]
    [InlineData(100, 100, 0.0)]
    [InlineData(0, 40, 1.0)]
    [InlineData(150, 50, 2.0)]
    [InlineData(150, -50, 4.0)]
    [InlineData(-20, -40, 0.5)]
    public void UFR_AI_010_prediction_error_is_the_distance_from_the_actual_over_the_actual_s_size(int expected, int actual, double error) =>
        Assert.Equal(error, PredictionAccuracy.Error(expected, actual)!.Value, precision: 9);

    [Fact]
    public void UFR_AI_010_prediction_error_is_undefined_when_nothing_actually_happened() =>
        Assert.Null(PredictionAccuracy.Error(30, 0));

    internal static EventEndedIntegrationEvent Ended(int expected, int actual) => new(
        EventId: Guid.CreateVersion7(),
        OwnerId: Guid.CreateVersion7(),
        RecommendationId: null,
        PlanId: "medium-offline",
        Title: "해운대 봄맞이 스탬프 이벤트",
        Prize: "아메리카노 1잔",
        ParticipationMethod: "방문마다 스탬프 적립, 5개 모으면 경품",
        Industry: Industry,
        Address: "부산광역시 해운대구 센텀중앙로 79",
        Purpose: "revisit",
        // 2026-04-05 09:00 in Seoul (00:00 UTC): spring, dated by the Seoul calendar.
        StartsAt: new DateTimeOffset(2026, 4, 5, 0, 0, 0, TimeSpan.Zero),
        EndsAt: new DateTimeOffset(2026, 4, 19, 0, 0, 0, TimeSpan.Zero),
        CostKrw: 1_600_000,
        ExpectedParticipants: expected,
        ActualParticipants: actual);

    private static RecommendRequest Request(int daysAhead) => new()
    {
        StoreName = "모카식당",
        Industry = Industry,
        Address = "부산광역시 해운대구 센텀중앙로 79",
        Purpose = EventPurpose.Revisit,
        Date = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(9)).AddDays(daysAhead).ToString("yyyy-MM-dd"),
    };
}
