namespace KtEvents.Ai.Model;

/// <summary>
/// Seed 003's accuracy metric: the prediction error |예측 − 실제| / |실제| of one ended event, for its
/// participants and, once the owner reports sales, for its ROI.
/// </summary>
public static class PredictionAccuracy
{
    /// <summary>
    /// |expected − actual| / |actual|, e.g. 120 expected and 100 actual → 0.2, or an ROI of 150 % expected
    /// and −50 % actual → 4. Null when actual is 0: the ratio is undefined, and a stand-in (1, ∞) would
    /// distort every average taken over events.
    /// </summary>
    public static double? Error(int expected, int actual) =>
        actual == 0 ? null : Math.Abs((double)expected - actual) / Math.Abs((double)actual);
}
