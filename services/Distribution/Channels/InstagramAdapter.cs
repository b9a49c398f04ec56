using KtEvents.Contracts.Channels;
using KtEvents.Distribution.Model;

using Microsoft.Extensions.Options;

namespace KtEvents.Distribution.Channels;

/// <summary>Instagram's two-step publishing: a media container with the image and caption, then media_publish.</summary>
public sealed class InstagramAdapter(HttpClient http, IOptions<ChannelsOptions> options) : ChannelAdapter(http)
{
    public override string Channel => ChannelCodes.Instagram;

    public override bool NeedsImage => true;

    public override async Task<ChannelPostResult> PostAsync(ChannelWork work, ChannelImage? image, CancellationToken cancellationToken)
    {
        var account = Uri.EscapeDataString(options.Value.InstagramAccountId);
        var container = await SendAsync(HttpMethod.Post, $"instagram/v21.0/{account}/media", new
        {
            caption = PostText.Body(work.Run),
            media_type = "IMAGE",
            image = image?.ToWire(),
        }, work, cancellationToken);
        var published = await SendAsync(HttpMethod.Post, $"instagram/v21.0/{account}/media_publish", new
        {
            creation_id = Required(container["id"], "컨테이너 ID"),
        }, work, cancellationToken);
        return new ChannelPostResult(Required(published["id"], "게시물 ID"), published["permalink"]?.ToString(), Exposure: null);
    }
}
