namespace KtEvents.Contracts.IntegrationEvents;

/// <summary>
/// The owner reported what an ended event added to the store's sales (UFR-ANAL-010, ROI 상세 분석),
/// so its real ROI is known: the Ai service completes the event's success case with it and measures
/// the ROI it predicted (seed 003: 실제 ROI와 예측 ROI 차이). A later report corrects an earlier one;
/// <paramref name="ReportedAt"/> orders them.
/// </summary>
/// <param name="SalesIncreaseKrw">The sales the event added, as the owner counts them (매출 증가액).</param>
/// <param name="CostKrw">The plan's cost, the same figure EventEnded carries.</param>
/// <param name="ActualRoiPercent">(sales increase − cost) / cost × 100, rounded.</param>
/// <param name="ExpectedRoiPercent">The ROI the chosen plan predicted.</param>
[RoutingKey("event.event-sales-reported")]
public sealed record EventSalesReportedIntegrationEvent(
    Guid EventId,
    Guid OwnerId,
    Guid? RecommendationId,
    string PlanId,
    string Industry,
    long SalesIncreaseKrw,
    long CostKrw,
    int ActualRoiPercent,
    int ExpectedRoiPercent,
    DateTimeOffset ReportedAt) : IntegrationEvent;
