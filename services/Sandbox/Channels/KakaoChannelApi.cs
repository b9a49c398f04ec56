using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace KtEvents.Sandbox.Channels;

/// <summary>
/// A Kakao Channel post (<c>POST /v1/channels/{channel_public_id}/posts</c>), answering the post's id
/// and its pf.kakao.com address; <c>publish_at</c> schedules it.
/// </summary>
public static class KakaoChannelApi
{
    public const string Channel = "kakao_channel";

    public sealed record PostRequest(
        [property: JsonPropertyName("title")] string? Title,
        [property: JsonPropertyName("content")] string? Content,
        [property: JsonPropertyName("image")] ChannelImage? Image,
        [property: JsonPropertyName("publish_at")] DateTimeOffset? PublishAt);

    public static RouteGroupBuilder MapKakaoChannelApi(this RouteGroupBuilder group)
    {
        group.MapPost("/kakao/v1/channels/{channelPublicId}/posts", (HttpContext http, string channelPublicId, PostRequest? request, ChannelPostStore store) =>
            ChannelEndpoint.Post(http, store, Channel, request,
                post =>
                {
                    var errors = new Dictionary<string, string[]>();
                    errors.Check(string.IsNullOrWhiteSpace(post.Title) || post.Title.Length > 100, "title", "title is required, at most 100 characters.");
                    errors.Check(string.IsNullOrWhiteSpace(post.Content) || post.Content.Length > 5000, "content", "content is required, at most 5,000 characters.");
                    errors.Check(post.Image?.Problem() is not null || post.Image is null, "image", post.Image?.Problem() ?? "image is required.");
                    return errors;
                },
                post =>
                {
                    var postId = Ids.Numeric(9);
                    var url = $"https://pf.kakao.com/{channelPublicId}/{postId}";
                    return new SandboxPostDraft(postId, url, new JsonObject
                    {
                        ["post_id"] = postId,
                        ["url"] = url,
                        ["status"] = post.PublishAt is { } at && at > store.Now ? "scheduled" : "published",
                        ["publish_at"] = (post.PublishAt ?? store.Now).ToString("O"),
                    });
                }, StatusCodes.Status201Created))
            .WithTags("Sandbox: Kakao Channel");
        return group;
    }
}
