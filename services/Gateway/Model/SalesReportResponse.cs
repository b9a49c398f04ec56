namespace KtEvents.Gateway.Model;

public sealed record SalesReportResponse(long SalesIncreaseKrw, long CostKrw, int RoiPercent, int ExpectedRoiPercent, DateTimeOffset ReportedAt);
