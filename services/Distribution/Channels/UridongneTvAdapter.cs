using KtEvents.Contracts.Channels;
using KtEvents.Distribution.Model;

namespace KtEvents.Distribution.Channels;

/// <summary>우리동네TV: registers a 15-second broadcast in the owner's radius and time slot; answers the broadcast id and expected exposure.</summary>
public sealed class UridongneTvAdapter(HttpClient http) : ChannelAdapter(http)
{
    public override string Channel => ChannelCodes.UriDongneTv;

    public override async Task<ChannelPostResult> PostAsync(ChannelWork work, ChannelImage? image, CancellationToken cancellationToken)
    {
        var answer = await SendAsync(HttpMethod.Post, "uridongne-tv/v1/broadcasts", new
        {
            storeName = work.Run.StoreName,
            title = work.Run.Title,
            radius = PostText.Option(work, "radius", "500m"),
            timeSlot = PostText.Option(work, "timeSlot", "all_day"),
            durationSeconds = 15,
            startsAt = work.Run.StartsAt,
            endsAt = work.Run.EndsAt,
        }, work, cancellationToken);
        return new ChannelPostResult(Required(answer["broadcastId"], "방송 ID"), PostUrl: null, Number(answer["expectedExposure"]));
    }
}
