using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

using KtEvents.Contracts.Channels;
using KtEvents.Distribution.Model;

namespace KtEvents.Distribution.Channels;

/// <summary>
/// What the six adapters share: JSON over a typed <see cref="HttpClient"/> whose base address is
/// <c>Channels:BaseUrl</c>, the <c>Idempotency-Key</c> header on every post (one key per event and
/// channel, so an attempt repeated after a lost answer or a crash is not a second post), and the
/// mapping of failures to transient or not.
/// </summary>
public abstract class ChannelAdapter(HttpClient http) : IChannelAdapter
{
    public const string IdempotencyKeyHeader = "Idempotency-Key";

    public abstract string Channel { get; }

    public virtual bool NeedsImage => false;

    protected string DisplayName => ChannelCodes.DisplayName(Channel);

    public abstract Task<ChannelPostResult> PostAsync(ChannelWork work, ChannelImage? image, CancellationToken cancellationToken);

    protected async Task<JsonNode> SendAsync(HttpMethod method, string path, object body, ChannelWork work, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, path) { Content = JsonContent.Create(body) };
        request.Headers.Add(IdempotencyKeyHeader, work.IdempotencyKey);
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, cancellationToken);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            // Network errors, timeouts and an open circuit: the channel may be back on the next attempt.
            throw new ChannelPostException($"{DisplayName}에 연결하지 못했습니다.", transient: true, exception);
        }

        using (response)
        {
            if (response.IsSuccessStatusCode)
            {
                try
                {
                    return await response.Content.ReadFromJsonAsync<JsonNode>(cancellationToken)
                        ?? throw new JsonException("The answer is empty.");
                }
                catch (JsonException exception)
                {
                    throw new ChannelPostException($"{DisplayName}의 응답을 이해하지 못했습니다.", transient: false, exception);
                }
            }

            var transient = (int)response.StatusCode >= 500
                || response.StatusCode is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests;
            throw transient
                ? new ChannelPostException($"{DisplayName} 서버가 일시적으로 응답하지 않습니다. (HTTP {(int)response.StatusCode})", transient: true)
                : new ChannelPostException($"{DisplayName}에서 게시 요청을 거절했습니다. (HTTP {(int)response.StatusCode})", transient: false);
        }
    }

    /// <summary>A string the channel must have answered; its absence is the channel's fault, not worth a retry.</summary>
    protected string Required(JsonNode? node, string what) =>
        node?.GetValueKind() is JsonValueKind.String or JsonValueKind.Number && node.ToString() is { Length: > 0 } value
            ? value
            : throw new ChannelPostException($"{DisplayName}의 응답에 {what}이(가) 없습니다.", transient: false);

    protected static long? Number(JsonNode? node) =>
        node?.GetValueKind() == JsonValueKind.Number ? node.GetValue<long>() : null;
}
