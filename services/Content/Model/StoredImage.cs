using KtEvents.Contracts.Content.V1;

namespace KtEvents.Content.Model;

/// <summary>An image as stored.</summary>
public sealed record StoredImage(Guid ImageId, Guid EventId, string Style, int Width, int Height, string Svg, bool Selected)
{
    public Image ToProto() => new()
    {
        ImageId = ImageId.ToString(),
        EventId = EventId.ToString(),
        Style = ImageStyles.ToProto(Style),
        Width = Width,
        Height = Height,
        Svg = Svg,
        Selected = Selected,
    };
}
