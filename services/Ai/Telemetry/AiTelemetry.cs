using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace KtEvents.Ai.Telemetry;

/// <summary>
/// The Ai service's spans and metrics, named "KtEvents.Ai" so ServiceDefaults' <c>KtEvents.*</c>
/// listeners export them. A span per stage (cache, sql, each Claude call, validation, repair,
/// fallback); the duration histogram tagged by engine and cache hit; counters from which the
/// cache-hit and fallback ratios are computed (hits / (hits + misses), fallbacks / claude requests).
/// </summary>
public static class AiTelemetry
{
    public const string Name = "KtEvents.Ai";

    public static readonly ActivitySource Source = new(Name);

    private static readonly Meter Meter = new(Name);

    public static readonly Histogram<double> RecommendationDuration = Meter.CreateHistogram<double>(
        "ai.recommendation.duration", unit: "s", description: "Time to answer a recommendation, by engine and cache hit.");

    public static readonly Counter<long> InputTokens = Meter.CreateCounter<long>(
        "ai.claude.tokens.input", unit: "{token}", description: "Input tokens sent to Claude, by tool.");

    public static readonly Counter<long> OutputTokens = Meter.CreateCounter<long>(
        "ai.claude.tokens.output", unit: "{token}", description: "Output tokens Claude wrote, by tool.");

    public static readonly Counter<long> CacheHits = Meter.CreateCounter<long>(
        "ai.cache.hits", unit: "{request}", description: "Recommendations answered from the 15-minute cache.");

    public static readonly Counter<long> CacheMisses = Meter.CreateCounter<long>(
        "ai.cache.misses", unit: "{request}", description: "Recommendations an engine had to make.");

    public static readonly Counter<long> ClaudeRequests = Meter.CreateCounter<long>(
        "ai.claude.requests", unit: "{request}", description: "Recommendations the Claude engine was asked for (the denominator of the fallback ratio).");

    public static readonly Counter<long> Fallbacks = Meter.CreateCounter<long>(
        "ai.fallbacks", unit: "{request}", description: "Recommendations where the data engine filled in for Claude, by part and reason.");

    public static readonly Histogram<double> PredictionError = Meter.CreateHistogram<double>(
        "ai.prediction.error", unit: "1",
        description: "Seed 003's accuracy per ended event: |expected − actual| / |actual|, by industry and measure (participants, or roi once the owner reports sales).");
}
