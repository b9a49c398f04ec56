namespace KtEvents.Gateway.Model;

/// <summary>As sent by the browser: a missing figure is a field error from the Event service.</summary>
public sealed record ReportSalesRequest(long? SalesIncreaseKrw);
