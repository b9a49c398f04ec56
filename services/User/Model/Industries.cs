namespace KtEvents.User.Model;

/// <summary>The store industries a sign-up may choose (docs/api.md): 음식점, 카페, 소매점, 미용, 기타.</summary>
public static class Industries
{
    public static readonly IReadOnlySet<string> Codes = new HashSet<string>(StringComparer.Ordinal)
    {
        "restaurant", "cafe", "retail", "beauty", "other",
    };
}
