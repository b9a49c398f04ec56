using System.Diagnostics;

using KtEvents.Ai.Model;
using KtEvents.Contracts.Ai.V1;

namespace KtEvents.Ai.Recommendations;

/// <summary>
/// The data-driven engine: trends from SQL aggregates and plans from templates and similar past
/// events, no language model. It answers alone when no Claude key is configured, and will fill in
/// whatever a Claude answer gets wrong.
/// </summary>
public sealed class DataRecommendationEngine(TrendAnalyzer trendAnalyzer, SimilarCaseFinder similarCases, PlanComposer composer) : IRecommendationEngine
{
    public const string EngineName = "data";

    public string Name => EngineName;

    public async Task<EngineRecommendation> RecommendAsync(RecommendationInput input, Action<Trends>? trendsReady, CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        // Independent queries on separate connections: the trends and the similar cases at once.
        var trendsTask = trendAnalyzer.AnalyzeAsync(input, cancellationToken);
        var similarTask = similarCases.FindAsync(input, cancellationToken);
        var (trends, _) = await trendsTask;
        var similar = await similarTask;
        var sql = stopwatch.Elapsed;
        trendsReady?.Invoke(trends);

        stopwatch.Restart();
        var plans = composer.Compose(input, similar);
        var composing = stopwatch.Elapsed;

        return new EngineRecommendation(EngineName, trends, plans, [Stage("sql", sql), Stage("plans", composing)], SyntheticData: true);
    }

    private static StageTiming Stage(string name, TimeSpan elapsed) =>
        new() { Stage = name, Milliseconds = (int)Math.Ceiling(elapsed.TotalMilliseconds) };
}
