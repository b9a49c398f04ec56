using KtEvents.Ai.Model;

namespace KtEvents.Ai.Recommendations;

/// <summary>
/// Something that turns a checked request into trends and six plans: the data-driven engine today,
/// a Claude engine beside it later (ARCHITECTURE.md §6), whose gaps the data engine fills.
/// <see cref="RecommendationService"/> does what is common to all: caching, checking, logging, metadata.
/// </summary>
public interface IRecommendationEngine
{
    /// <summary>The value of <c>metadata.engine</c> for replies this engine produced alone: "data", "claude".</summary>
    string Name { get; }

    Task<EngineRecommendation> RecommendAsync(RecommendationInput input, CancellationToken cancellationToken);
}
