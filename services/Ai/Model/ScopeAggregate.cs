namespace KtEvents.Ai.Model;

/// <summary>
/// What the past events of a <see cref="TrendScope"/> say. A case counts as a success when it at least
/// doubled its money back (ROI ≥ 100 %). <see cref="Cases"/> are those whose ROI is known (an
/// outcome reported without sales cannot be judged), so the success rate stays a true ratio.
/// </summary>
public sealed record ScopeAggregate(
    TrendScope Scope,
    int Cases,
    int Successes,
    int AverageRoiPercent,
    int AverageParticipants,
    IReadOnlyList<RankedValue> SuccessfulEventTypes,
    IReadOnlyList<RankedValue> TopPrizes,
    IReadOnlyList<RankedValue> EffectiveMethods)
{
    public const int SuccessRoiPercent = 100;

    public int SuccessRatePercent => Cases == 0 ? 0 : (int)Math.Round(100.0 * Successes / Cases);
}
