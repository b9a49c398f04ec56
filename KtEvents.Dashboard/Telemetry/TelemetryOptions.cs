namespace KtEvents.Dashboard.Telemetry;

/// <summary>Limits of the in-memory store and the OTLP receiver, bound from <c>Dashboard:Telemetry</c>.</summary>
public sealed class TelemetryOptions
{
    public const string SectionName = "Dashboard:Telemetry";

    /// <summary>Spans kept; past it the oldest traces go, whole, so no trace is shown half-evicted.</summary>
    public int MaxSpanCount { get; set; } = 10_000;

    public int MaxLogCount { get; set; } = 10_000;

    /// <summary>Largest accepted request body, before and after gzip, so a bad peer cannot exhaust memory.</summary>
    public long MaxRequestBodySize { get; set; } = 8 * 1024 * 1024;

    /// <summary>When set, exporters must send it in <c>x-otlp-api-key</c> (Aspire's convention); when empty, anyone on the network may send.</summary>
    public string? OtlpApiKey { get; set; }
}
