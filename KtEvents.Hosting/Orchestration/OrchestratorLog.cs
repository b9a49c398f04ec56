using Microsoft.Extensions.Logging;

namespace KtEvents.Hosting.Orchestration;

internal static partial class OrchestratorLog
{
    [LoggerMessage(LogLevel.Information, "{Resource} is healthy ({Seconds:0.0} s after start)")]
    public static partial void Healthy(this ILogger logger, string resource, double seconds);

    [LoggerMessage(LogLevel.Warning, "{Resource} exited (code {ExitCode}); restarting in {Delay:0} s")]
    public static partial void Restarting(this ILogger logger, string resource, int? exitCode, double delay);

    [LoggerMessage(LogLevel.Warning, "{Resource} could not start: {Reason}")]
    public static partial void StartFailed(this ILogger logger, string resource, string reason);

    [LoggerMessage(LogLevel.Error, "{Resource} failed to start: {Reason}")]
    public static partial void FailedToStart(this ILogger logger, string resource, string reason);

    [LoggerMessage(LogLevel.Information, "Building {Count} projects ({Configuration})")]
    public static partial void Building(this ILogger logger, int count, string configuration);

    [LoggerMessage(LogLevel.Information, "Stopping {Count} resources")]
    public static partial void Stopping(this ILogger logger, int count);
}
