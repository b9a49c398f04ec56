using System.Text.Json.Nodes;

using KtEvents.Contracts.Channels;
using KtEvents.Distribution.Model;

namespace KtEvents.Distribution.Channels;

/// <summary>링고비즈: replaces the store phone's ring-back tone with the event's message; answers when it took effect.</summary>
public sealed class RingoBizAdapter(HttpClient http) : ChannelAdapter(http)
{
    public override string Channel => ChannelCodes.RingoBiz;

    public override async Task<ChannelPostResult> PostAsync(ChannelWork work, ChannelImage? image, CancellationToken cancellationToken)
    {
        var phone = new string(work.Run.StorePhone.Where(char.IsAsciiDigit).ToArray());
        var answer = await SendAsync(HttpMethod.Put, $"ringobiz/v1/ringback-tones/{phone}", new
        {
            storeName = work.Run.StoreName,
            message = PostText.RingbackMessage(work.Run),
        }, work, cancellationToken);
        return new ChannelPostResult(
            Required(answer["toneId"], "연결음 ID"),
            PostUrl: null,
            Exposure: null,
            new JsonObject { ["updatedAt"] = answer["updatedAt"]?.DeepClone() });
    }
}
