using KtEvents.Ai.Model;

namespace KtEvents.Ai.Tests;

public sealed class SpecialDayCalendarTests
{
    [Theory]
    [InlineData("2026-11-05", "빼빼로데이,수능,블랙프라이데이")]
    [InlineData("2026-02-01", "설날")]
    [InlineData("2025-09-20", "추석")]
    [InlineData("2027-12-10", "크리스마스")]
    [InlineData("2026-04-20", "어린이날")]
    [InlineData("2026-07-10", "")]
    public void UFR_AI_010_special_days_near_the_event_date_are_found(string date, string expected)
    {
        var names = SpecialDayCalendar.Around(DateOnly.Parse(date)).Select(d => d.Name).Order();

        Assert.Equal(expected.Split(',', StringSplitOptions.RemoveEmptyEntries).Order(), names);
    }

    [Theory]
    [InlineData("2026-03-01", Season.Spring)]
    [InlineData("2026-08-31", Season.Summer)]
    [InlineData("2026-11-30", Season.Autumn)]
    [InlineData("2026-12-01", Season.Winter)]
    [InlineData("2027-02-28", Season.Winter)]
    public void UFR_AI_010_the_season_comes_from_the_month(string date, Season season)
    {
        Assert.Equal(season, Seasons.Of(DateOnly.Parse(date)));
    }
}
