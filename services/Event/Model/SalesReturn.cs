namespace KtEvents.Event.Model;

/// <summary>
/// UFR-ANAL-010's ROI of an ended event: ROI = (수익 − 비용) / 비용 × 100, where the 수익 is the sales
/// increase the owner reports and the 비용 the chosen plan's cost, the figure its expected ROI was
/// predicted for.
/// </summary>
public static class SalesReturn
{
    /// <summary>The largest sales increase an owner can report (100억원): beyond it is a typo, not a shop.</summary>
    public const long MaxSalesIncreaseKrw = 10_000_000_000;

    /// <summary>
    /// The ROI in whole percent, rounded half away from zero: 3,000,000원 of sales on a 1,600,000원
    /// plan is 88 %, and no sales at all is −100 %. The cost must be positive.
    /// </summary>
    public static int RoiPercent(long salesIncreaseKrw, long costKrw)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(costKrw);
        var percent = Math.Round((decimal)(salesIncreaseKrw - costKrw) * 100m / costKrw, MidpointRounding.AwayFromZero);
        // Only a plan costing a few won could leave the int range; say "very large" rather than overflow.
        return (int)Math.Clamp(percent, int.MinValue, int.MaxValue);
    }
}
