using KtEvents.Ai.Tests.Infrastructure;
using KtEvents.Caching;
using KtEvents.Contracts.Ai.V1;
using KtEvents.Contracts.Problems;
using KtEvents.Rpc;

using Microsoft.Extensions.DependencyInjection;

using Xunit.Abstractions;

namespace KtEvents.Ai.Tests;

[Collection(AiServiceCollection.Name)]
public sealed class RecommendTests(AiServiceFixture service, ITestOutputHelper output)
{
    private static readonly Dictionary<string, (long Min, long Max)> Bands = new()
    {
        ["low"] = (250_000, 300_000),
        ["medium"] = (1_500_000, 1_800_000),
        ["high"] = (5_000_000, 6_000_000),
    };

    [Fact]
    public async Task UFR_AI_010_recommend_answers_six_distinct_plans_in_their_bands_with_roi_falling_as_budget_rises()
    {
        var reply = await service.Client.RecommendAsync(Request("cafe", EventPurpose.NewCustomers, daysAhead: 3), service.AsOwner());

        Assert.Equal(
            ["low-online", "low-offline", "medium-online", "medium-offline", "high-online", "high-offline"],
            reply.Plans.Select(p => p.PlanId));
        Assert.Equal(6, reply.Plans.Select(p => (p.BudgetTier, p.Kind)).Distinct().Count());
        Assert.Equal(6, reply.Plans.Select(p => p.Title).Distinct().Count());
        foreach (var plan in reply.Plans)
        {
            var (min, max) = Bands[plan.PlanId.Split('-')[0]];
            Assert.InRange(plan.CostKrw, min, max);
            Assert.Equal(plan.PlanId.EndsWith("online") ? PlanKind.Online : PlanKind.Offline, plan.Kind);
            Assert.InRange(plan.Title.Length, 1, 30);
            Assert.InRange(plan.Prize.Length, 1, 20);
            Assert.True(IsKorean(plan.Title) && IsKorean(plan.Prize) && IsKorean(plan.ParticipationMethod), plan.PlanId);
            Assert.Equal(5, plan.PromotionLines.Count);
            Assert.All(plan.PromotionLines, line => Assert.True(IsKorean(line) && line.Contains('#'), line));
            Assert.True(plan.ExpectedParticipants > 0);
            Assert.True(plan.DurationDays > 0);
            Assert.True(plan.PrizeQuantity > 0);
        }
        foreach (var kind in new[] { PlanKind.Online, PlanKind.Offline })
        {
            var rois = reply.Plans.Where(p => p.Kind == kind).OrderBy(p => p.BudgetTier).Select(p => p.ExpectedRoiPercent).ToList();
            Assert.True(rois[0] > rois[1] && rois[1] > rois[2], $"{kind}: {string.Join(", ", rois)}");
        }
        output.WriteLine(string.Join("\n", reply.Plans.Select(p => $"{p.PlanId} {p.Title} | {p.Prize} x{p.PrizeQuantity} | {p.CostKrw} | {p.ExpectedParticipants}명 | ROI {p.ExpectedRoiPercent}%")));
    }

    [Fact]
    public async Task UFR_AI_010_metadata_says_data_engine_synthetic_data_stage_timings_and_a_v7_id()
    {
        var ownerId = Guid.CreateVersion7();
        var reply = await service.Client.RecommendAsync(Request("restaurant", EventPurpose.Revisit, daysAhead: 4), service.AsOwner(ownerId));

        var metadata = reply.Metadata;
        Assert.Equal("data", metadata.Engine);
        Assert.True(metadata.SyntheticData);
        Assert.False(metadata.CacheHit);
        Assert.Equal(7, Guid.Parse(metadata.RecommendationId).Version);
        Assert.InRange(metadata.GeneratedAt.ToDateTimeOffset(), DateTimeOffset.UtcNow.AddMinutes(-1), DateTimeOffset.UtcNow.AddMinutes(1));
        Assert.Contains(metadata.Stages, s => s.Stage == "sql");
        Assert.Contains(metadata.Stages, s => s.Stage == "plans");
        Assert.Equal(1, await service.ScalarAsync($"SELECT count(*) FROM recommendation_log WHERE owner_id = '{ownerId}' AND id = '{metadata.RecommendationId}' AND engine = 'data'"));
        output.WriteLine(string.Join(", ", metadata.Stages.Select(s => $"{s.Stage} {s.Milliseconds} ms")));
    }

    [Fact]
    public async Task UFR_EVENT_030_trends_have_korean_titles_narratives_and_the_figures_the_screen_shows()
    {
        var reply = await service.Client.RecommendAsync(Request("restaurant", EventPurpose.Sales, daysAhead: 5), service.AsOwner());

        var trends = reply.Trends;
        Assert.Equal("음식점 업종 트렌드", trends.Industry.Title);
        Assert.Equal("서울 강남구 지역 특성", trends.Region.Title);
        Assert.Contains("시즌 트렌드", trends.Season.Title);
        foreach (var section in new[] { trends.Industry, trends.Region, trends.Season })
        {
            Assert.True(IsKorean(section.Narrative));
            Assert.InRange(section.Narrative.Length, 60, 220);
            Assert.DoesNotContain(section.Figures, f => f.Value == "사례 부족");
            output.WriteLine($"{section.Title} ({section.Narrative.Length}자): {section.Narrative}");
            output.WriteLine(string.Join("\n", section.Figures.Select(f => $"  {f.Label}: {f.Value}")));
        }
        Assert.Contains(trends.Industry.Figures, f => f.Label == "최근 성공한 이벤트 유형" && f.Value.Contains('%'));
        var prizes = Assert.Single(trends.Industry.Figures, f => f.Label == "고객 선호 경품 Top 5");
        Assert.Contains("5. ", prizes.Value);
        Assert.Contains(trends.Industry.Figures, f => f.Label == "효과적인 참여 방법" && f.Value.Contains("ROI"));
        Assert.Contains(trends.Region.Figures, f => f.Label == "지역별 이벤트 성공률" && f.Value.Contains("전국"));
        Assert.Contains(trends.Season.Figures, f => f.Label == "계절별 추천 이벤트");
        Assert.Contains(trends.Season.Figures, f => f.Label == "특별 이벤트 시즌");
    }

    [Fact]
    public async Task UFR_EVENT_030_a_small_industry_widens_its_period_and_says_so()
    {
        // "other" is 5 % of the dataset: about five cases in three months, too few for a trend.
        var reply = await service.Client.RecommendAsync(Request("other", EventPurpose.Awareness, daysAhead: 6), service.AsOwner());

        Assert.Contains("넓혔습니다", reply.Trends.Industry.Narrative);
        Assert.Contains(reply.Trends.Industry.Figures, f => f.Label == "분석 범위" && !f.Value.StartsWith("최근 3개월"));
    }

    [Fact]
    public async Task UFR_AI_010_plan_figures_come_from_the_industry_s_similar_cases()
    {
        var options = service.AsOwner();
        var beauty = await service.Client.RecommendAsync(Request("beauty", EventPurpose.Awareness, daysAhead: 7), options);
        var retail = await service.Client.RecommendAsync(Request("retail", EventPurpose.Awareness, daysAhead: 7), options);

        var figures = (RecommendReply r) => r.Plans.Select(p => (p.ExpectedParticipants, p.CostKrw, p.ExpectedRoiPercent)).ToList();
        Assert.NotEqual(figures(beauty), figures(retail));
    }

    [Fact]
    public async Task UFR_AI_010_the_second_identical_request_is_a_cache_hit_with_its_own_id()
    {
        var ownerId = Guid.CreateVersion7();
        var request = Request("retail", EventPurpose.Sales, daysAhead: 8, address: "부산광역시 해운대구 센텀중앙로 79");

        var first = await service.Client.RecommendAsync(request, service.AsOwner(ownerId));
        var second = await service.Client.RecommendAsync(request, service.AsOwner(ownerId));

        Assert.False(first.Metadata.CacheHit);
        Assert.True(second.Metadata.CacheHit);
        Assert.Equal(first.Plans, second.Plans);
        Assert.Equal(first.Trends, second.Trends);
        Assert.NotEqual(first.Metadata.RecommendationId, second.Metadata.RecommendationId);
        Assert.Equal(1, await service.ScalarAsync($"SELECT count(*) FROM recommendation_log WHERE owner_id = '{ownerId}' AND cache_hit"));
        Assert.Equal(2, await service.ScalarAsync($"SELECT count(*) FROM recommendation_log WHERE owner_id = '{ownerId}'"));
    }

    [Fact]
    public async Task UFR_AI_010_trends_are_cached_for_an_hour_and_shared_by_every_purpose()
    {
        var redis = service.Services.GetRequiredService<IConnectionMultiplexer>().GetDatabase();
        var date = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(9)).AddDays(9);
        var version = (long?)await redis.StringGetAsync("ai:data-version:beauty") ?? 0;
        var key = $"ai:trend:v1:beauty:d{version}:서울/강남구:{date:yyyy-MM-dd}";

        var sales = await service.Client.RecommendAsync(Request("beauty", EventPurpose.Sales, daysAhead: 9), service.AsOwner());
        var ttl = await redis.KeyTimeToLiveAsync(key);
        var revisit = await service.Client.RecommendAsync(Request("beauty", EventPurpose.Revisit, daysAhead: 9), service.AsOwner());

        Assert.InRange(ttl!.Value, TimeSpan.FromMinutes(55), TimeSpan.FromHours(1));
        Assert.False(revisit.Metadata.CacheHit);
        Assert.Equal(sales.Trends, revisit.Trends);
        Assert.NotEqual(sales.Plans, revisit.Plans);
    }

    [Fact]
    public async Task UFR_EVENT_030_the_stream_sends_the_trends_then_the_reply_carrying_the_same_trends_and_again_from_the_cache()
    {
        var request = Request("retail", EventPurpose.Revisit, daysAhead: 21);

        var cold = await ReadStreamAsync(request);
        var cached = await ReadStreamAsync(request);

        foreach (var updates in new[] { cold, cached })
        {
            Assert.Equal([RecommendationUpdate.UpdateOneofCase.Trends, RecommendationUpdate.UpdateOneofCase.Reply], updates.Select(u => u.UpdateCase));
            Assert.Equal(updates[0].Trends, updates[1].Reply.Trends);
            Assert.Equal(6, updates[1].Reply.Plans.Count);
            Assert.Equal("data", updates[1].Reply.Metadata.Engine);
        }
        Assert.False(cold[1].Reply.Metadata.CacheHit);
        Assert.True(cached[1].Reply.Metadata.CacheHit);
        Assert.Equal(cold[1].Reply.Plans, cached[1].Reply.Plans);
    }

    [Fact]
    public async Task UFR_EVENT_030_bad_input_ends_the_stream_with_invalid_argument_before_any_update()
    {
        var ownerId = Guid.CreateVersion7();
        var request = new RecommendRequest { StoreName = "모카카페", Industry = "bakery", Address = "서울특별시 강남구", Purpose = EventPurpose.Sales, Date = "2026-13-01" };
        using var call = service.Client.StreamRecommendation(request, service.AsOwner(ownerId));

        var error = await Assert.ThrowsAsync<RpcException>(() => call.ResponseStream.MoveNext(CancellationToken.None));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal(["date", "industry"], ServiceProblem.ReadFieldErrors(error)!.Keys.Order());
        Assert.Equal(0, await service.ScalarAsync($"SELECT count(*) FROM recommendation_log WHERE owner_id = '{ownerId}'"));
    }

    [Fact]
    public async Task UFR_AI_010_a_call_without_a_token_is_unauthenticated()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => service.Client.RecommendAsync(Request("cafe", EventPurpose.Revisit, daysAhead: 2)).ResponseAsync);

        Assert.Equal(StatusCode.Unauthenticated, error.StatusCode);
    }

    [Fact]
    public async Task UFR_AI_010_bad_input_is_invalid_argument_with_a_korean_message_per_field_and_nothing_logged()
    {
        var ownerId = Guid.CreateVersion7();
        var request = new RecommendRequest { StoreName = "모카카페", Industry = "bakery", Address = "", Purpose = EventPurpose.Unspecified, Date = "2026/13/01" };

        var error = await Assert.ThrowsAsync<RpcException>(() => service.Client.RecommendAsync(request, service.AsOwner(ownerId)).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal("validation_failed", ServiceProblem.ReadCode(error));
        var fields = ServiceProblem.ReadFieldErrors(error)!;
        Assert.Equal(["address", "date", "industry", "purpose"], fields.Keys.Order());
        Assert.All(fields.Values.SelectMany(m => m), message => Assert.True(IsKorean(message), message));
        Assert.Equal(0, await service.ScalarAsync($"SELECT count(*) FROM recommendation_log WHERE owner_id = '{ownerId}'"));
    }

    [Theory]
    [InlineData(-30)]
    [InlineData(400)]
    public async Task UFR_AI_010_a_date_in_the_past_or_over_a_year_away_is_invalid(int daysAhead)
    {
        var error = await Assert.ThrowsAsync<RpcException>(() =>
            service.Client.RecommendAsync(Request("cafe", EventPurpose.Sales, daysAhead), service.AsOwner()).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal(["date"], ServiceProblem.ReadFieldErrors(error)!.Keys);
    }

    private async Task<List<RecommendationUpdate>> ReadStreamAsync(RecommendRequest request)
    {
        using var call = service.Client.StreamRecommendation(request, service.AsOwner());
        return await call.ResponseStream.ReadAllAsync().ToListAsync();
    }

    private static RecommendRequest Request(string industry, EventPurpose purpose, int daysAhead, string address = "서울특별시 강남구 테헤란로 123") => new()
    {
        StoreName = "모카카페",
        Industry = industry,
        Address = address,
        Purpose = purpose,
        Date = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(9)).AddDays(daysAhead).ToString("yyyy-MM-dd"),
    };

    private static bool IsKorean(string text) => text.Any(c => c is >= '가' and <= '힣');
}
