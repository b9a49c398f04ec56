using KtEvents.Ai.Recommendations;
using KtEvents.Ai.Tests.Infrastructure;
using KtEvents.Contracts.Ai.V1;

namespace KtEvents.Ai.Tests;

/// <summary>The checks every engine's answer passes; proven against a real reply broken on purpose.</summary>
[Collection(AiServiceCollection.Name)]
public sealed class RecommendationValidatorTests(AiServiceFixture service)
{
    [Fact]
    public async Task UFR_AI_010_a_real_reply_passes_and_each_broken_promise_is_named()
    {
        var reply = await service.Client.RecommendAsync(new RecommendRequest
        {
            Industry = "beauty",
            Address = "경기도 성남시 분당구 판교역로 235",
            Purpose = EventPurpose.Revisit,
        }, service.AsOwner());
        Assert.Empty(RecommendationValidator.Check(reply.Trends, reply.Plans));

        Assert.Contains(Broken(reply, plans => plans[4].ExpectedRoiPercent = plans[0].ExpectedRoiPercent + 1), p => p.StartsWith("high-online: ROI"));
        Assert.Contains(Broken(reply, plans => plans[1].CostKrw = 310_000), p => p.StartsWith("low-offline: cost"));
        Assert.Contains(Broken(reply, plans => plans[2].Title = new string('가', 31)), p => p.StartsWith("medium-online: title"));
        Assert.Contains(Broken(reply, plans => plans[3].Prize = "Free coffee"), p => p.StartsWith("medium-offline: prize"));
        Assert.Contains(Broken(reply, plans => plans[5].PromotionLines.RemoveAt(0)), p => p.StartsWith("high-offline: needs 5"));
        Assert.Contains(Broken(reply, plans => plans[5].PlanId = "low-online"), p => p.StartsWith("plans: need exactly the six slots"));
    }

    [Fact]
    public async Task UFR_EVENT_030_an_address_without_a_province_gets_nationwide_region_trends()
    {
        var reply = await service.Client.RecommendAsync(new RecommendRequest
        {
            Industry = "cafe",
            Address = "테헤란로 123",
            Purpose = EventPurpose.Awareness,
        }, service.AsOwner());

        Assert.Equal("전국 지역 특성", reply.Trends.Region.Title);
        Assert.Contains(reply.Trends.Region.Figures, f => f.Label == "지역별 이벤트 성공률" && f.Value.StartsWith("전국 "));
        Assert.Equal(6, reply.Plans.Count);
    }

    private static IReadOnlyList<string> Broken(RecommendReply reply, Action<IList<Plan>> breakIt)
    {
        var plans = reply.Plans.Select(p => p.Clone()).ToList();
        breakIt(plans);
        return RecommendationValidator.Check(reply.Trends, plans);
    }
}
