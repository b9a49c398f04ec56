namespace KtEvents.Contracts.Channels;

/// <summary>The six distribution channels (UFR-EVENT-040, UFR-DIST-010), by the code every service uses.</summary>
public static class ChannelCodes
{
    public const string UriDongneTv = "uridongne_tv";
    public const string RingoBiz = "ringo_biz";
    public const string GenieTv = "genie_tv";
    public const string Instagram = "instagram";
    public const string NaverBlog = "naver_blog";
    public const string KakaoChannel = "kakao_channel";

    public static IReadOnlyList<string> All { get; } = [UriDongneTv, RingoBiz, GenieTv, Instagram, NaverBlog, KakaoChannel];

    /// <summary>The name an owner reads.</summary>
    public static string DisplayName(string code) => code switch
    {
        UriDongneTv => "우리동네TV",
        RingoBiz => "링고비즈",
        GenieTv => "지니TV",
        Instagram => "Instagram",
        NaverBlog => "Naver Blog",
        KakaoChannel => "Kakao Channel",
        _ => throw new ArgumentOutOfRangeException(nameof(code), code, "Unknown channel."),
    };

    public static bool IsKnown(string? code) => code is not null && All.Contains(code);
}
