namespace KtEvents.Dashboard.Telemetry;

/// <summary>A row of the trace list.</summary>
public sealed record TraceSummary(
    string TraceId,
    string RootName,
    string RootService,
    IReadOnlyList<string> Services,
    DateTimeOffset Start,
    TimeSpan Duration,
    int SpanCount,
    bool HasError);
