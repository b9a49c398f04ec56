using System.Net;

using KtEvents.Contracts.Channels;
using KtEvents.Distribution.Model;

namespace KtEvents.Distribution.Channels;

/// <summary>Naver Blog's writePost: a title and HTML contents, with the image.</summary>
public sealed class NaverBlogAdapter(HttpClient http) : ChannelAdapter(http)
{
    public override string Channel => ChannelCodes.NaverBlog;

    public override bool NeedsImage => true;

    public override async Task<ChannelPostResult> PostAsync(ChannelWork work, ChannelImage? image, CancellationToken cancellationToken)
    {
        var paragraphs = PostText.Body(work.Run).Split('\n').Select(line => $"<p>{WebUtility.HtmlEncode(line)}</p>");
        var answer = await SendAsync(HttpMethod.Post, "naver/blog/writePost.json", new
        {
            title = PostText.Headline(work.Run),
            contents = string.Concat(paragraphs),
            image = image?.ToWire(),
        }, work, cancellationToken);
        var result = answer["message"]?["result"];
        return new ChannelPostResult(Required(result?["logNo"], "글 번호"), result?["postUrl"]?.ToString(), Exposure: null);
    }
}
