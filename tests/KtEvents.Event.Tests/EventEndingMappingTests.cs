using KtEvents.Contracts.Ai.V1;
using KtEvents.Contracts.Event.V1;
using KtEvents.Event.Model;

namespace KtEvents.Event.Tests;

/// <summary>UFR-AI-010: how a stored event becomes its EventEnded.</summary>
public sealed class EventEndingMappingTests
{
    private static readonly DateTimeOffset StartsAt = new(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("rec-42")]
    public void UFR_AI_010_EventEnded_a_recommendation_id_that_is_absent_or_not_a_guid_is_sent_as_null(string? recommendationId)
    {
        var recommendation = recommendationId is null
            ? null
            : new RecommendReply { Metadata = new RecommendMetadata { RecommendationId = recommendationId } };

        var ended = EventEnding.ToIntegrationEvent(Record(recommendation, new Plan { PlanId = "low-offline" }), actualParticipants: 7);

        Assert.NotNull(ended);
        Assert.Null(ended.RecommendationId);
        Assert.Equal(7, ended.ActualParticipants);
    }

    [Fact]
    public void UFR_AI_010_EventEnded_an_event_without_a_plan_has_nothing_to_publish()
    {
        Assert.Null(EventEnding.ToIntegrationEvent(Record(null, plan: null), actualParticipants: 0));
    }

    private static EventRecord Record(RecommendReply? recommendation, Plan? plan) => new(
        Guid.CreateVersion7(), Guid.CreateVersion7(), EventStatuses.Active, EventPurpose.Revisit,
        new StoreSnapshot { Industry = "restaurant", Address = "부산광역시 해운대구 우동 1" }, recommendation, plan,
        ImageId: null, ChannelPlan: null, StartsAt, StartsAt.AddDays(14), ApprovedAt: StartsAt, CreatedAt: StartsAt);
}
