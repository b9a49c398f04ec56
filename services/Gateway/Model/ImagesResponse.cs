namespace KtEvents.Gateway.Model;

public sealed record ImagesResponse(IReadOnlyList<ImageResponse> Images);
