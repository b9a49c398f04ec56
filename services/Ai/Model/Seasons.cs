namespace KtEvents.Ai.Model;

public static class Seasons
{
    public static Season Of(DateOnly date) => date.Month switch
    {
        3 or 4 or 5 => Season.Spring,
        6 or 7 or 8 => Season.Summer,
        9 or 10 or 11 => Season.Autumn,
        _ => Season.Winter,
    };

    /// <summary>The value stored in <c>success_cases.season</c>.</summary>
    public static string Code(Season season) => season.ToString().ToLowerInvariant();

    public static string KoreanName(Season season) => season switch
    {
        Season.Spring => "봄",
        Season.Summer => "여름",
        Season.Autumn => "가을",
        _ => "겨울",
    };

    public static string Months(Season season) => season switch
    {
        Season.Spring => "3~5월",
        Season.Summer => "6~8월",
        Season.Autumn => "9~11월",
        _ => "12~2월",
    };
}
