using Microsoft.Extensions.Logging;

namespace KtEvents.ServiceDefaults.Resilience;

internal static partial class ResilienceLog
{
    [LoggerMessage(EventId = 1101, Level = LogLevel.Warning,
        Message = "HttpClient '{ClientName}': attempt {Attempt} failed ({Outcome}); retrying in {Delay}")]
    public static partial void Retrying(ILogger logger, string clientName, int attempt, string outcome, TimeSpan delay);

    [LoggerMessage(EventId = 1102, Level = LogLevel.Error,
        Message = "HttpClient '{ClientName}': circuit opened for {BreakDuration} after repeated failures ({Outcome})")]
    public static partial void CircuitOpened(ILogger logger, string clientName, TimeSpan breakDuration, string outcome);

    [LoggerMessage(EventId = 1103, Level = LogLevel.Information,
        Message = "HttpClient '{ClientName}': circuit closed, calls flow again")]
    public static partial void CircuitClosed(ILogger logger, string clientName);
}
