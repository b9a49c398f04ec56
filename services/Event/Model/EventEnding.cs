using KtEvents.Contracts;
using KtEvents.Contracts.Ai.V1;
using KtEvents.Contracts.IntegrationEvents;

namespace KtEvents.Event.Model;

/// <summary>What an ended event tells the Ai service (seed 003: 실제 성과 → 정확도).</summary>
public static class EventEnding
{
    /// <summary>
    /// The event's outcome in the terms of the plan the owner ran; null when it has no plan or period,
    /// which approval makes impossible, so there is nothing the Ai service could compare.
    /// </summary>
    public static EventEndedIntegrationEvent? ToIntegrationEvent(EventRecord record, int actualParticipants)
    {
        if (record is not { SelectedPlan: { } plan, StartsAt: { } startsAt, EndsAt: { } endsAt })
        {
            return null;
        }

        return new EventEndedIntegrationEvent(
            record.Id,
            record.OwnerId,
            RecommendationId(record.Recommendation),
            plan.PlanId,
            plan.Title,
            plan.Prize,
            plan.ParticipationMethod,
            record.Store.Industry,
            record.Store.Address,
            EventPurposes.ToName(record.Purpose),
            startsAt,
            endsAt,
            // The plan's cost, not the ChannelPlan's: the Ai service predicted the participants for
            // that cost and files the case under its budget band, so accuracy compares like with like.
            // The ChannelPlan's total is only the paid media of the channels picked for distribution
            // (the SNS ones cost nothing): a part of what the event costs, sometimes 0, which no band fits.
            CostKrw: plan.CostKrw,
            ExpectedParticipants: plan.ExpectedParticipants,
            ActualParticipants: actualParticipants);
    }

    /// <summary>
    /// The sales an ended event's owner reported, with the ROI they give against the plan's cost:
    /// the same cost EventEnded carries, so the Ai service compares the ROI it predicted for that cost.
    /// </summary>
    public static EventSalesReportedIntegrationEvent ToSalesReported(EventRecord record)
    {
        if (record is not { SelectedPlan: { } plan, SalesIncreaseKrw: { } sales, SalesReportedAt: { } reportedAt })
        {
            throw new InvalidOperationException($"Event {record.Id} has no selected plan or no reported sales.");
        }

        return new EventSalesReportedIntegrationEvent(
            record.Id,
            record.OwnerId,
            RecommendationId(record.Recommendation),
            plan.PlanId,
            record.Store.Industry,
            SalesIncreaseKrw: sales,
            CostKrw: plan.CostKrw,
            ActualRoiPercent: SalesReturn.RoiPercent(sales, plan.CostKrw),
            ExpectedRoiPercent: plan.ExpectedRoiPercent,
            ReportedAt: reportedAt);
    }

    /// <summary>The recommendation the plan came from, if the stored reply names one by a Guid.</summary>
    private static Guid? RecommendationId(RecommendReply? recommendation) =>
        Guid.TryParse(recommendation?.Metadata?.RecommendationId, out var id) ? id : null;
}
