namespace KtEvents.Ai.Model;

/// <summary>
/// The special days the season trends mention, 2025–2027. Lunar holidays and 수능 move every year, so
/// they are listed by date; 코리아세일페스타's dates are announced yearly, so its start is approximate.
/// </summary>
public static class SpecialDayCalendar
{
    /// <summary>How far ahead a special day still shapes an event planned today.</summary>
    public const int LookAheadDays = 30;

    /// <summary>A special day that has just passed can still carry an event for a few days.</summary>
    public const int LookBackDays = 3;

    public static IReadOnlyList<SpecialDay> Days { get; } =
    [
        .. Yearly(2025, lunarNewYear: new(2025, 1, 29), chuseok: new(2025, 10, 6), suneung: new(2025, 11, 13), blackFriday: new(2025, 11, 28)),
        .. Yearly(2026, lunarNewYear: new(2026, 2, 17), chuseok: new(2026, 9, 25), suneung: new(2026, 11, 19), blackFriday: new(2026, 11, 27)),
        .. Yearly(2027, lunarNewYear: new(2027, 2, 7), chuseok: new(2027, 9, 15), suneung: new(2027, 11, 18), blackFriday: new(2027, 11, 26)),
    ];

    /// <summary>The special days from a few days before <paramref name="date"/> to a month after it, nearest first.</summary>
    public static IReadOnlyList<SpecialDay> Around(DateOnly date) =>
        [.. Days
            .Where(d => d.Date.DayNumber - date.DayNumber is >= -LookBackDays and <= LookAheadDays)
            .OrderBy(d => Math.Abs(d.Date.DayNumber - date.DayNumber))];

    private static IEnumerable<SpecialDay> Yearly(int year, DateOnly lunarNewYear, DateOnly chuseok, DateOnly suneung, DateOnly blackFriday) =>
    [
        new("설날", lunarNewYear),
        new("어린이날", new DateOnly(year, 5, 5)),
        new("추석", chuseok),
        new("코리아세일페스타", new DateOnly(year, 11, 1)),
        new("빼빼로데이", new DateOnly(year, 11, 11)),
        new("수능", suneung),
        new("블랙프라이데이", blackFriday),
        new("크리스마스", new DateOnly(year, 12, 25)),
    ];
}
