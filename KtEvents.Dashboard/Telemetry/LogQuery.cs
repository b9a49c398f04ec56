using Microsoft.Extensions.Logging;

namespace KtEvents.Dashboard.Telemetry;

/// <summary>Filters of the structured log view; every filter left null matches everything.</summary>
public sealed record LogQuery(
    string? Service = null,
    LogLevel? MinLevel = null,
    string? Text = null,
    string? TraceId = null,
    int Limit = 500);
