using KtEvents.Contracts.Ai.V1;

namespace KtEvents.Ai.Recommendations;

/// <summary>
/// An engine's answer, before metadata: the trends, the six plans, the time of each stage and tokens
/// spent, and why Claude's answer was not used whole ("" when it was, or when it was never asked).
/// </summary>
public sealed record EngineRecommendation(
    string Engine,
    Trends Trends,
    IReadOnlyList<Plan> Plans,
    IReadOnlyList<StageTiming> Stages,
    bool SyntheticData,
    int InputTokens = 0,
    int OutputTokens = 0,
    string FallbackReason = "");
