using System.ComponentModel.DataAnnotations;

namespace KtEvents.Distribution.Channels;

/// <summary>The <c>Channels</c> section: where the channel APIs are and the store's accounts on them.</summary>
public sealed class ChannelsOptions
{
    public const string SectionName = "Channels";

    /// <summary>Base address of every channel API; in development and tests the Sandbox (service discovery resolves it).</summary>
    [Required]
    public Uri BaseUrl { get; set; } = new("http://sandbox");

    [Required]
    public string InstagramAccountId { get; set; } = "17841400000000000";

    [Required]
    public string KakaoChannelId { get; set; } = "_ktevents";
}
