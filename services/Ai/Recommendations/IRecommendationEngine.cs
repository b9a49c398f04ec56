using KtEvents.Ai.Model;
using KtEvents.Contracts.Ai.V1;

namespace KtEvents.Ai.Recommendations;

/// <summary>
/// Something that turns a checked request into trends and six plans: the data-driven engine, and
/// the Claude engine (ARCHITECTURE.md §6), whose gaps the data engine fills.
/// <see cref="RecommendationService"/> does what is common to all: caching, checking, logging, metadata.
/// </summary>
public interface IRecommendationEngine
{
    /// <summary>The value of <c>metadata.engine</c> for replies this engine produced alone: "data", "claude".</summary>
    string Name { get; }

    /// <summary>
    /// The answer. <paramref name="trendsReady"/>, when given, is called once as soon as the trends are
    /// final — with exactly the trends the answer will carry — so a caller can show them before the plans.
    /// </summary>
    Task<EngineRecommendation> RecommendAsync(RecommendationInput input, Action<Trends>? trendsReady, CancellationToken cancellationToken);
}
