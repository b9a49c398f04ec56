using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace KtEvents.Sandbox.Channels;

/// <summary>
/// Instagram Graph API's content publishing, in its two steps: create a media container
/// (<c>POST /{ig-user-id}/media</c>), then publish it (<c>POST /{ig-user-id}/media_publish</c> with
/// <c>creation_id</c>), which answers the media id (and here its permalink, which the real API gives
/// on <c>GET /{media-id}?fields=permalink</c>). The image travels inline instead of by <c>image_url</c>,
/// because nothing here is reachable from a real Instagram.
/// </summary>
public static class InstagramApi
{
    public const string Channel = "instagram";

    public sealed record MediaRequest(
        [property: JsonPropertyName("caption")] string? Caption,
        [property: JsonPropertyName("media_type")] string? MediaType,
        [property: JsonPropertyName("image")] ChannelImage? Image);

    public sealed record PublishRequest([property: JsonPropertyName("creation_id")] string? CreationId);

    public static RouteGroupBuilder MapInstagramApi(this RouteGroupBuilder group)
    {
        var containers = new ConcurrentDictionary<string, MediaRequest>();
        var api = group.MapGroup("/instagram/v21.0/{igUserId}").WithTags("Sandbox: Instagram");

        api.MapPost("/media", (string igUserId, MediaRequest? request) =>
        {
            var errors = new Dictionary<string, string[]>();
            if (request is null)
            {
                return Results.BadRequest(GraphError("The body must be a JSON object."));
            }

            errors.Check(string.IsNullOrWhiteSpace(request.Caption) || request.Caption.Length > 2200, "caption", "caption is required, at most 2,200 characters.");
            errors.Check(request.MediaType is not (null or "IMAGE"), "media_type", "Only IMAGE is supported.");
            errors.Check(request.Image?.Problem() is not null || request.Image is null, "image", request.Image?.Problem() ?? "image is required.");
            if (errors.Count > 0)
            {
                return Results.BadRequest(GraphError(string.Join(" ", errors.Values.SelectMany(messages => messages))));
            }

            var containerId = Ids.Numeric(17);
            containers[containerId] = request;
            return Results.Ok(new JsonObject { ["id"] = containerId });
        });

        api.MapPost("/media_publish", (HttpContext http, string igUserId, PublishRequest? request, ChannelPostStore store) =>
            ChannelEndpoint.Post(http, store, Channel, request,
                publish =>
                {
                    var errors = new Dictionary<string, string[]>();
                    errors.Check(publish.CreationId is null || !containers.ContainsKey(publish.CreationId), "creation_id", "creation_id must name a media container of this account.");
                    return errors;
                },
                publish =>
                {
                    var mediaId = Ids.Numeric(17);
                    var shortcode = Ids.Letters(11);
                    var permalink = $"https://www.instagram.com/p/{shortcode}/";
                    return new SandboxPostDraft(mediaId, permalink, new JsonObject
                    {
                        ["id"] = mediaId,
                        ["permalink"] = permalink,
                        ["caption"] = containers[publish.CreationId!].Caption,
                    });
                }));

        return group;
    }

    private static JsonObject GraphError(string message) => new()
    {
        ["error"] = new JsonObject { ["message"] = message, ["type"] = "OAuthException", ["code"] = 100 },
    };
}
