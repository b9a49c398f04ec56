namespace KtEvents.Gateway.Model;

public sealed record ImageResponse(string ImageId, string EventId, string Style, int Width, int Height, bool Selected);
