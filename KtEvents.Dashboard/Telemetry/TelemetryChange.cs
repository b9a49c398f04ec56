namespace KtEvents.Dashboard.Telemetry;

/// <summary>What one export added, so a live view knows whether to refresh its list or its open trace.</summary>
public sealed record TelemetryChange(int SpansAdded, int LogsAdded, IReadOnlyList<string> TraceIds);
