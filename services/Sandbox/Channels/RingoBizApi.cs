using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace KtEvents.Sandbox.Channels;

/// <summary>
/// 링고비즈's ring-back tone update (<c>PUT /ringobiz/v1/ringback-tones/{phone}</c>): the text callers
/// hear while the store's phone rings, read by TTS. Answers the tone id and when it took effect.
/// </summary>
public static partial class RingoBizApi
{
    public const string Channel = "ringo_biz";

    public sealed record ToneRequest(string? StoreName, string? Message);

    public static RouteGroupBuilder MapRingoBizApi(this RouteGroupBuilder group)
    {
        group.MapPut("/ringobiz/v1/ringback-tones/{phone}", (HttpContext http, string phone, ToneRequest? request, ChannelPostStore store) =>
            ChannelEndpoint.Post(http, store, Channel, request,
                tone =>
                {
                    var errors = new Dictionary<string, string[]>();
                    errors.Check(!PhonePattern().IsMatch(phone), "phone", "phone must be a Korean phone number, digits only (e.g. 0212345678).");
                    errors.Check(string.IsNullOrWhiteSpace(tone.StoreName), "storeName", "storeName is required.");
                    errors.Check(string.IsNullOrWhiteSpace(tone.Message) || tone.Message.Length > 200, "message", "message is required, at most 200 characters (about 30 seconds of speech).");
                    return errors;
                },
                _ =>
                {
                    var toneId = $"RB{Ids.Numeric(10)}";
                    return new SandboxPostDraft(toneId, null, new JsonObject
                    {
                        ["toneId"] = toneId,
                        ["phone"] = phone,
                        ["updatedAt"] = store.Now.ToString("O"),
                    });
                }))
            .WithTags("Sandbox: 링고비즈");
        return group;
    }

    [GeneratedRegex("^0[0-9]{8,10}$")]
    private static partial Regex PhonePattern();
}
