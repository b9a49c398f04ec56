using System.Text.Json.Nodes;

namespace KtEvents.Sandbox.Channels;

/// <summary>
/// 지니TV's ad booking (<c>POST /genietv/v1/ad-bookings</c>): a region, a time slot and a budget
/// (100,000 – 10,000,000 KRW). Answers the ad id, its airing schedule and the impressions it expects.
/// </summary>
public static class GenieTvApi
{
    public const string Channel = "genie_tv";

    private static readonly Dictionary<string, (TimeOnly Start, TimeOnly End)> Slots = new()
    {
        ["weekday_evening"] = (new TimeOnly(18, 0), new TimeOnly(22, 0)),
        ["weekend_lunch"] = (new TimeOnly(11, 0), new TimeOnly(14, 0)),
        ["all_day"] = (new TimeOnly(7, 0), new TimeOnly(23, 0)),
    };

    public sealed record AdBookingRequest(
        string? Advertiser,
        string? Title,
        string? Region,
        string? TimeSlot,
        long? BudgetKrw,
        DateTimeOffset? StartsAt,
        DateTimeOffset? EndsAt);

    public static RouteGroupBuilder MapGenieTvApi(this RouteGroupBuilder group)
    {
        group.MapPost("/genietv/v1/ad-bookings", (HttpContext http, AdBookingRequest? request, ChannelPostStore store) =>
            ChannelEndpoint.Post(http, store, Channel, request,
                booking =>
                {
                    var errors = new Dictionary<string, string[]>();
                    errors.Check(string.IsNullOrWhiteSpace(booking.Advertiser), "advertiser", "advertiser is required.");
                    errors.Check(string.IsNullOrWhiteSpace(booking.Title), "title", "title is required.");
                    errors.Check(string.IsNullOrWhiteSpace(booking.Region), "region", "region is required.");
                    errors.Check(booking.TimeSlot is null || !Slots.ContainsKey(booking.TimeSlot), "timeSlot", "timeSlot must be weekday_evening, weekend_lunch or all_day.");
                    errors.Check(booking.BudgetKrw is not (>= 100_000 and <= 10_000_000), "budgetKrw", "budgetKrw must be between 100,000 and 10,000,000.");
                    errors.Check(booking.StartsAt is null || booking.EndsAt is null || booking.EndsAt <= booking.StartsAt, "endsAt", "startsAt and endsAt are required, endsAt after startsAt.");
                    return errors;
                },
                booking =>
                {
                    var adId = $"GTV-AD-{Ids.Numeric(8)}";
                    var (start, end) = Slots[booking.TimeSlot!];
                    var schedule = new JsonArray();
                    for (var day = booking.StartsAt!.Value.UtcDateTime.Date; day < booking.EndsAt!.Value.UtcDateTime && schedule.Count < 31; day = day.AddDays(1))
                    {
                        schedule.Add(new JsonObject
                        {
                            ["date"] = DateOnly.FromDateTime(day).ToString("O"),
                            ["from"] = start.ToString("HH:mm"),
                            ["to"] = end.ToString("HH:mm"),
                        });
                    }

                    return new SandboxPostDraft(adId, null, new JsonObject
                    {
                        ["adId"] = adId,
                        ["status"] = "booked",
                        ["schedule"] = schedule,
                        // About 40 impressions per 1,000 KRW, the rate Event's estimate assumes.
                        ["expectedImpressions"] = booking.BudgetKrw!.Value / 25,
                    });
                }, StatusCodes.Status201Created))
            .WithTags("Sandbox: 지니TV");
        return group;
    }
}
