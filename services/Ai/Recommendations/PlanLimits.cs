namespace KtEvents.Ai.Recommendations;

/// <summary>What a plan's text must fit (ai.proto and the UI's cards).</summary>
public static class PlanLimits
{
    public const int TitleLength = 30;
    public const int PrizeLength = 20;
    public const int PromotionLineCount = 5;
}
