using Microsoft.Extensions.Logging;

namespace KtEvents.Dashboard.Tests.Infrastructure;

/// <summary>Log lines the tests write through the OpenTelemetry logging provider.</summary>
public static partial class TestLog
{
    [LoggerMessage(EventId = 7, Level = LogLevel.Warning, Message = "Plan {PlanId} picked for store {StoreName}")]
    public static partial void PlanPicked(ILogger logger, int planId, string storeName);

    [LoggerMessage(EventId = 8, Level = LogLevel.Information, Message = "Wizard step {Step} saved")]
    public static partial void StepSaved(ILogger logger, int step);
}
