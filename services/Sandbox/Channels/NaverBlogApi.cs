using System.Text.Json.Nodes;

namespace KtEvents.Sandbox.Channels;

/// <summary>
/// Naver Blog's <c>POST /blog/writePost.json</c> (title and HTML contents), answering
/// <c>{ message: { result: { logNo, postUrl } } }</c> like the open API does. JSON here instead of the
/// real API's multipart form, with the image inline.
/// </summary>
public static class NaverBlogApi
{
    public const string Channel = "naver_blog";

    public sealed record WritePostRequest(string? Title, string? Contents, ChannelImage? Image);

    public static RouteGroupBuilder MapNaverBlogApi(this RouteGroupBuilder group)
    {
        group.MapPost("/naver/blog/writePost.json", (HttpContext http, WritePostRequest? request, ChannelPostStore store) =>
            ChannelEndpoint.Post(http, store, Channel, request,
                post =>
                {
                    var errors = new Dictionary<string, string[]>();
                    errors.Check(string.IsNullOrWhiteSpace(post.Title) || post.Title.Length > 100, "title", "title is required, at most 100 characters.");
                    errors.Check(string.IsNullOrWhiteSpace(post.Contents), "contents", "contents is required.");
                    errors.Check(post.Image is not null && post.Image.Problem() is not null, "image", post.Image?.Problem() ?? "");
                    return errors;
                },
                _ =>
                {
                    var logNo = Ids.Numeric(12);
                    var postUrl = $"https://blog.naver.com/kt-sandbox/{logNo}";
                    return new SandboxPostDraft(logNo, postUrl, new JsonObject
                    {
                        ["message"] = new JsonObject
                        {
                            ["status"] = "200",
                            ["result"] = new JsonObject { ["logNo"] = logNo, ["postUrl"] = postUrl, ["blogId"] = "kt-sandbox" },
                        },
                    });
                }))
            .WithTags("Sandbox: Naver Blog");
        return group;
    }
}
