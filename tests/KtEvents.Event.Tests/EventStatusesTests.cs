using KtEvents.Contracts.Event.V1;
using KtEvents.Event.Model;

namespace KtEvents.Event.Tests;

/// <summary>UFR-EVENT-010: which dashboard section an event falls in.</summary>
public sealed class EventStatusesTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 21, 3, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("draft", null, EventStatus.Draft)]
    [InlineData("scheduled", 1, EventStatus.Scheduled)]
    [InlineData("active", 1, EventStatus.Active)]
    [InlineData("active", -1, EventStatus.Ended)]
    [InlineData("scheduled", -1, EventStatus.Ended)]
    [InlineData("ended", 5, EventStatus.Ended)]
    public void UFR_EVENT_010_an_event_past_its_end_is_ended_whatever_was_stored(string stored, int? endsInDays, EventStatus expected)
    {
        var endsAt = endsInDays is { } days ? Now.AddDays(days) : (DateTimeOffset?)null;
        Assert.Equal(expected, EventStatuses.ToContract(stored, endsAt, Now));
    }
}
