using System.Text.Json.Nodes;

namespace KtEvents.Sandbox.Channels;

/// <summary>
/// 우리동네TV's broadcast registration (<c>POST /uridongne-tv/v1/broadcasts</c>): a 15-second spot
/// made from the event's image, shown within a radius of the store in a time slot. Answers the
/// broadcast id and the exposure it expects, which grows with the radius and the slot.
/// </summary>
public static class UridongneTvApi
{
    public const string Channel = "uridongne_tv";

    private static readonly string[] Radii = ["500m", "1km"];

    private static readonly string[] TimeSlots = ["weekday_evening", "weekend_lunch", "all_day"];

    public sealed record BroadcastRequest(
        string? StoreName,
        string? Title,
        string? Radius,
        string? TimeSlot,
        int? DurationSeconds,
        DateTimeOffset? StartsAt,
        DateTimeOffset? EndsAt,
        ChannelImage? Image);

    public static RouteGroupBuilder MapUridongneTvApi(this RouteGroupBuilder group)
    {
        group.MapPost("/uridongne-tv/v1/broadcasts", (HttpContext http, BroadcastRequest? request, ChannelPostStore store) =>
            ChannelEndpoint.Post(http, store, Channel, request,
                broadcast =>
                {
                    var errors = new Dictionary<string, string[]>();
                    errors.Check(string.IsNullOrWhiteSpace(broadcast.StoreName), "storeName", "storeName is required.");
                    errors.Check(string.IsNullOrWhiteSpace(broadcast.Title), "title", "title is required.");
                    errors.Check(!Radii.Contains(broadcast.Radius), "radius", "radius must be 500m or 1km.");
                    errors.Check(!TimeSlots.Contains(broadcast.TimeSlot), "timeSlot", "timeSlot must be weekday_evening, weekend_lunch or all_day.");
                    errors.Check(broadcast.DurationSeconds is not 15, "durationSeconds", "Spots are 15 seconds long.");
                    errors.Check(broadcast.StartsAt is null || broadcast.EndsAt is null || broadcast.EndsAt <= broadcast.StartsAt, "endsAt", "startsAt and endsAt are required, endsAt after startsAt.");
                    errors.Check(broadcast.Image is not null && broadcast.Image.Problem() is not null, "image", broadcast.Image?.Problem() ?? "");
                    return errors;
                },
                broadcast =>
                {
                    var broadcastId = $"UDTV-{store.Now:yyyyMMdd}-{Ids.Numeric(6)}";
                    var perDay = (broadcast.Radius == "1km" ? 2_400 : 900) * (broadcast.TimeSlot == "all_day" ? 2 : 1);
                    var days = Math.Max(1, (int)Math.Ceiling((broadcast.EndsAt!.Value - broadcast.StartsAt!.Value).TotalDays));
                    return new SandboxPostDraft(broadcastId, null, new JsonObject
                    {
                        ["broadcastId"] = broadcastId,
                        ["status"] = "registered",
                        ["expectedExposure"] = (long)perDay * days,
                    });
                }, StatusCodes.Status201Created))
            .WithTags("Sandbox: 우리동네TV");
        return group;
    }
}
