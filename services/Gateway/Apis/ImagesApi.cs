using KtEvents.Contracts.Clients;
using KtEvents.Contracts.Content.V1;
using KtEvents.Gateway.Infrastructure;

namespace KtEvents.Gateway.Apis;

/// <summary>
/// An event's SNS image as SVG, for <c>&lt;img&gt;</c> tags (which cannot send a token). Anonymous on
/// purpose: images are made to be posted publicly, and their ids are unguessable.
/// </summary>
public static class ImagesApi
{
    public static IEndpointRouteBuilder MapImagesApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/images/{imageId}.svg", GetImage).WithTags("Images").AllowAnonymous().RequireRateLimiting(RateLimits.Public);
        return app;
    }

    public static async Task<IResult> GetImage(string imageId, ContentClient content, HttpContext http, CancellationToken cancellationToken)
    {
        var image = await content.GetImageAsync(new GetImageRequest { ImageId = imageId }, Calls.Within(cancellationToken));
        // An SVG opened directly is a document: forbid scripts and outside loads in it, whatever it holds.
        http.Response.Headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";
        http.Response.Headers.XContentTypeOptions = "nosniff";
        http.Response.Headers.CacheControl = "public, max-age=86400, immutable";
        return TypedResults.Text(image.Svg, "image/svg+xml; charset=utf-8");
    }
}
