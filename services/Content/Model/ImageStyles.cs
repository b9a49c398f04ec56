using KtEvents.Contracts.Content.V1;

namespace KtEvents.Content.Model;

/// <summary>The three styles (심플, 화려한, 트렌디) by their stored names, which ContentFinalized carries too.</summary>
public static class ImageStyles
{
    public const string Simple = "simple";
    public const string Fancy = "fancy";
    public const string Trendy = "trendy";

    public static ImageStyle ToProto(string style) => style switch
    {
        Simple => ImageStyle.Simple,
        Fancy => ImageStyle.Fancy,
        Trendy => ImageStyle.Trendy,
        _ => ImageStyle.Unspecified,
    };
}
