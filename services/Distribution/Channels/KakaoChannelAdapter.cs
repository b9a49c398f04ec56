using KtEvents.Contracts.Channels;
using KtEvents.Distribution.Model;

using Microsoft.Extensions.Options;

namespace KtEvents.Distribution.Channels;

/// <summary>A Kakao Channel post with the image, published at the owner's <c>scheduledAt</c> or now.</summary>
public sealed class KakaoChannelAdapter(HttpClient http, IOptions<ChannelsOptions> options) : ChannelAdapter(http)
{
    public override string Channel => ChannelCodes.KakaoChannel;

    public override bool NeedsImage => true;

    public override async Task<ChannelPostResult> PostAsync(ChannelWork work, ChannelImage? image, CancellationToken cancellationToken)
    {
        DateTimeOffset? publishAt = DateTimeOffset.TryParse(PostText.Option(work, "scheduledAt", ""), out var at) ? at : null;
        var answer = await SendAsync(HttpMethod.Post, $"kakao/v1/channels/{Uri.EscapeDataString(options.Value.KakaoChannelId)}/posts", new
        {
            title = PostText.Headline(work.Run),
            content = PostText.Body(work.Run),
            image = image?.ToWire(),
            publish_at = publishAt,
        }, work, cancellationToken);
        return new ChannelPostResult(Required(answer["post_id"], "게시물 ID"), answer["url"]?.ToString(), Exposure: null);
    }
}
