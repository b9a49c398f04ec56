using System.Text;

using KtEvents.Contracts.Clients;
using KtEvents.Contracts.Content.V1;
using KtEvents.Distribution.Channels;
using KtEvents.Rpc;

namespace KtEvents.Distribution.Worker;

/// <summary>
/// The event's image for SNS channels: the SVG read from Content anonymously (images of approved
/// events are public), rendered to PNG at its own size (1080×1080) when <c>rsvg-convert</c> can.
/// </summary>
public sealed class EventImageLoader(ContentClient content, SvgRasterizer rasterizer)
{
    public async Task<ChannelImage> LoadAsync(Guid imageId, CancellationToken cancellationToken)
    {
        try
        {
            var image = await content.GetImageAsync(
                new GetImageRequest { ImageId = imageId.ToString() },
                new CallOptions(deadline: DateTime.UtcNow.AddSeconds(10), cancellationToken: cancellationToken));
            return await rasterizer.TryRenderPngAsync(image.Svg, cancellationToken) is { } png
                ? new ChannelImage("image/png", png)
                : new ChannelImage("image/svg+xml", Encoding.UTF8.GetBytes(image.Svg));
        }
        catch (RpcException exception) when (exception.StatusCode is StatusCode.NotFound or StatusCode.InvalidArgument)
        {
            throw new ChannelPostException("이벤트 이미지를 찾을 수 없어 게시하지 못했습니다.", transient: false, exception);
        }
        catch (RpcException exception)
        {
            throw new ChannelPostException("이벤트 이미지를 불러오지 못했습니다.", transient: true, exception);
        }
    }
}
