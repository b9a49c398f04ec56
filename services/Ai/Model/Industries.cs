namespace KtEvents.Ai.Model;

/// <summary>The store industries of the User service (docs/api.md) and their Korean names.</summary>
public static class Industries
{
    public const string Restaurant = "restaurant";
    public const string Cafe = "cafe";
    public const string Retail = "retail";
    public const string Beauty = "beauty";
    public const string Other = "other";

    public static IReadOnlyList<string> All { get; } = [Restaurant, Cafe, Retail, Beauty, Other];

    public static bool IsKnown(string code) => All.Contains(code);

    public static string KoreanName(string code) => code switch
    {
        Restaurant => "음식점",
        Cafe => "카페",
        Retail => "소매점",
        Beauty => "미용",
        _ => "기타",
    };
}
