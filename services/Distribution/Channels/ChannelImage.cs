namespace KtEvents.Distribution.Channels;

/// <summary>The event's image as sent to a channel.</summary>
public sealed record ChannelImage(string ContentType, byte[] Data)
{
    public object ToWire() => new { content_type = ContentType, data = Convert.ToBase64String(Data) };
}
