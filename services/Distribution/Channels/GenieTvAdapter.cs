using System.Text.Json.Nodes;

using KtEvents.Contracts.Channels;
using KtEvents.Distribution.Model;

namespace KtEvents.Distribution.Channels;

/// <summary>지니TV: books an ad for the owner's region, time slot and budget; answers the ad id, its schedule and expected impressions.</summary>
public sealed class GenieTvAdapter(HttpClient http) : ChannelAdapter(http)
{
    public override string Channel => ChannelCodes.GenieTv;

    public override async Task<ChannelPostResult> PostAsync(ChannelWork work, ChannelImage? image, CancellationToken cancellationToken)
    {
        var budget = long.TryParse(PostText.Option(work, "budget", ""), out var krw) ? krw : 100_000;
        var answer = await SendAsync(HttpMethod.Post, "genietv/v1/ad-bookings", new
        {
            advertiser = work.Run.StoreName,
            title = work.Run.Title,
            region = PostText.Option(work, "region", "전국"),
            timeSlot = PostText.Option(work, "timeSlot", "all_day"),
            budgetKrw = budget,
            startsAt = work.Run.StartsAt,
            endsAt = work.Run.EndsAt,
        }, work, cancellationToken);
        return new ChannelPostResult(
            Required(answer["adId"], "광고 ID"),
            PostUrl: null,
            Number(answer["expectedImpressions"]),
            new JsonObject { ["schedule"] = answer["schedule"]?.DeepClone() });
    }
}
