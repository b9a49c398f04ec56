using KtEvents.Ai.Tests.Infrastructure;
using KtEvents.Contracts.Ai.V1;
using KtEvents.Contracts.Problems;
using KtEvents.Rpc;

namespace KtEvents.Ai.Tests;

/// <summary>UFR-AI-010 feedback: the owner's chosen plan and edits (positive) and 다시 추천받기 (negative), kept with the log.</summary>
[Collection(AiServiceCollection.Name)]
public sealed class FeedbackTests(AiServiceFixture service)
{
    [Fact]
    public async Task UFR_AI_010_the_chosen_plan_and_its_edits_are_kept_with_the_recommendation_log()
    {
        var ownerId = Guid.CreateVersion7();
        var id = await RecommendAsync(ownerId);

        await service.Client.RecordFeedbackAsync(Selected(id, "medium-online", title: "  봄맞이 인증샷 이벤트 ", prize: "아메리카노 2잔"), service.AsOwner(ownerId));

        Assert.Equal(1, await service.ScalarAsync($"""
            SELECT count(*) FROM recommendation_feedback f JOIN recommendation_log l ON l.id = f.recommendation_id
            WHERE f.recommendation_id = '{id}' AND f.owner_id = '{ownerId}' AND l.owner_id = '{ownerId}' AND f.kind = 'selected'
              AND f.plan_id = 'medium-online' AND f.edited_title = '봄맞이 인증샷 이벤트' AND f.edited_prize = '아메리카노 2잔'
            """));
    }

    [Fact]
    public async Task UFR_AI_010_choosing_a_plan_unedited_keeps_no_edits()
    {
        var ownerId = Guid.CreateVersion7();
        var id = await RecommendAsync(ownerId);

        await service.Client.RecordFeedbackAsync(Selected(id, "low-offline"), service.AsOwner(ownerId));

        Assert.Equal(1, await service.ScalarAsync($"SELECT count(*) FROM recommendation_feedback WHERE recommendation_id = '{id}' AND plan_id = 'low-offline' AND edited_title IS NULL AND edited_prize IS NULL"));
    }

    [Fact]
    public async Task UFR_AI_010_re_recommend_is_recorded_as_negative_feedback()
    {
        var ownerId = Guid.CreateVersion7();
        var id = await RecommendAsync(ownerId);

        await service.Client.RecordFeedbackAsync(new RecordFeedbackRequest { RecommendationId = id, Kind = FeedbackKind.Regenerated }, service.AsOwner(ownerId));

        Assert.Equal(1, await service.ScalarAsync($"SELECT count(*) FROM recommendation_feedback WHERE recommendation_id = '{id}' AND kind = 'regenerated' AND plan_id = ''"));
    }

    [Fact]
    public async Task UFR_AI_010_the_same_feedback_twice_is_kept_once_with_the_latest_edits()
    {
        var ownerId = Guid.CreateVersion7();
        var id = await RecommendAsync(ownerId);
        var options = service.AsOwner(ownerId);

        await service.Client.RecordFeedbackAsync(Selected(id, "high-offline", title: "첫 제목"), options);
        await service.Client.RecordFeedbackAsync(Selected(id, "high-offline", title: "고친 제목"), options);
        await service.Client.RecordFeedbackAsync(new RecordFeedbackRequest { RecommendationId = id, Kind = FeedbackKind.Regenerated }, options);
        await service.Client.RecordFeedbackAsync(new RecordFeedbackRequest { RecommendationId = id, Kind = FeedbackKind.Regenerated }, options);

        Assert.Equal(2, await service.ScalarAsync($"SELECT count(*) FROM recommendation_feedback WHERE recommendation_id = '{id}'"));
        Assert.Equal(1, await service.ScalarAsync($"SELECT count(*) FROM recommendation_feedback WHERE recommendation_id = '{id}' AND plan_id = 'high-offline' AND edited_title = '고친 제목'"));
    }

    [Fact]
    public async Task UFR_AI_010_feedback_on_another_owner_s_or_a_missing_recommendation_is_not_found_and_stores_nothing()
    {
        var id = await RecommendAsync(Guid.CreateVersion7());
        var stranger = service.AsOwner();

        var others = await Assert.ThrowsAsync<RpcException>(() => service.Client.RecordFeedbackAsync(Selected(id, "low-online"), stranger).ResponseAsync);
        var missing = await Assert.ThrowsAsync<RpcException>(() =>
            service.Client.RecordFeedbackAsync(Selected(Guid.CreateVersion7().ToString(), "low-online"), stranger).ResponseAsync);

        foreach (var error in new[] { others, missing })
        {
            Assert.Equal(StatusCode.NotFound, error.StatusCode);
            Assert.Equal("recommendation_not_found", ServiceProblem.ReadCode(error));
        }
        Assert.Equal(0, await service.ScalarAsync($"SELECT count(*) FROM recommendation_feedback WHERE recommendation_id = '{id}'"));
    }

    [Theory]
    [InlineData("not-a-guid", FeedbackKind.Selected, "low-online", "", "", "recommendation_id")]
    [InlineData(null, FeedbackKind.Unspecified, "low-online", "", "", "kind")]
    [InlineData(null, FeedbackKind.Selected, "", "", "", "plan_id")]
    [InlineData(null, FeedbackKind.Selected, "medium-hybrid", "", "", "plan_id")]
    [InlineData(null, FeedbackKind.Selected, "low-online", "가나다라마바사아자차카타파하가나다라마바사아자차카타파하가나다라마바사아자차카타파하가나다라마바사아자", "", "edited_title")]
    [InlineData(null, FeedbackKind.Selected, "low-online", "", "가나다라마바사아자차카타파하가나다라마바사아자차카타파하가나다", "edited_prize")]
    [InlineData(null, FeedbackKind.Regenerated, "low-online", "", "", "plan_id")]
    public async Task UFR_AI_010_bad_feedback_is_invalid_argument_on_its_field_and_stores_nothing(
        string? recommendationId, FeedbackKind kind, string planId, string title, string prize, string field)
    {
        var ownerId = Guid.CreateVersion7();
        var id = await RecommendAsync(ownerId);
        var request = new RecordFeedbackRequest { RecommendationId = recommendationId ?? id, Kind = kind, PlanId = planId, EditedTitle = title, EditedPrize = prize };

        var error = await Assert.ThrowsAsync<RpcException>(() => service.Client.RecordFeedbackAsync(request, service.AsOwner(ownerId)).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal("validation_failed", ServiceProblem.ReadCode(error));
        Assert.Equal([field], ServiceProblem.ReadFieldErrors(error)!.Keys);
        Assert.Equal(0, await service.ScalarAsync($"SELECT count(*) FROM recommendation_feedback WHERE owner_id = '{ownerId}'"));
    }

    [Fact]
    public async Task UFR_AI_010_the_longest_edits_the_event_service_allows_are_accepted()
    {
        var ownerId = Guid.CreateVersion7();
        var id = await RecommendAsync(ownerId);

        await service.Client.RecordFeedbackAsync(Selected(id, "low-online", title: new string('가', 50), prize: new string('나', 30)), service.AsOwner(ownerId));

        Assert.Equal(1, await service.ScalarAsync($"SELECT count(*) FROM recommendation_feedback WHERE recommendation_id = '{id}' AND length(edited_title) = 50 AND length(edited_prize) = 30"));
    }

    [Fact]
    public async Task UFR_AI_010_feedback_without_a_token_is_unauthenticated()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() =>
            service.Client.RecordFeedbackAsync(Selected(Guid.CreateVersion7().ToString(), "low-online")).ResponseAsync);

        Assert.Equal(StatusCode.Unauthenticated, error.StatusCode);
    }

    private async Task<string> RecommendAsync(Guid ownerId)
    {
        var reply = await service.Client.RecommendAsync(new RecommendRequest
        {
            StoreName = "모카카페",
            Industry = "retail",
            Address = "서울특별시 마포구 월드컵로 10",
            Purpose = EventPurpose.Awareness,
            Date = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(9)).AddDays(11).ToString("yyyy-MM-dd"),
        }, service.AsOwner(ownerId));
        return reply.Metadata.RecommendationId;
    }

    private static RecordFeedbackRequest Selected(string recommendationId, string planId, string title = "", string prize = "") =>
        new() { RecommendationId = recommendationId, Kind = FeedbackKind.Selected, PlanId = planId, EditedTitle = title, EditedPrize = prize };
}
