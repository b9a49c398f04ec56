namespace KtEvents.Ai.Model;

/// <summary>Dates as a Korean store owner reads them: the calendar day in Asia/Seoul.</summary>
public static class SeoulClock
{
    // Korea has had no daylight saving time since 1988; a fixed offset avoids depending on tzdata.
    private static readonly TimeSpan Offset = TimeSpan.FromHours(9);

    public static DateOnly Today(TimeProvider timeProvider) =>
        DateOnly.FromDateTime(timeProvider.GetUtcNow().ToOffset(Offset).DateTime);
}
