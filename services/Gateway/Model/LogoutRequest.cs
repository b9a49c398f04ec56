namespace KtEvents.Gateway.Model;

public sealed record LogoutRequest(string? RefreshToken);
