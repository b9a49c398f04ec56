namespace KtEvents.Ai.Model;

/// <summary>
/// The sales an ended event's owner reported, and so its real ROI next to the ROI its plan predicted
/// (seed 003: 예측 정확도, 실제 ROI와 예측 ROI 차이).
/// </summary>
public sealed record SalesOutcome(
    Guid EventId,
    string Industry,
    long SalesIncreaseKrw,
    long CostKrw,
    int ActualRoiPercent,
    int ExpectedRoiPercent,
    DateTimeOffset ReportedAt)
{
    public double? RoiError => PredictionAccuracy.Error(ExpectedRoiPercent, ActualRoiPercent);
}
