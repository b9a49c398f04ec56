namespace KtEvents.Gateway.Model;

public sealed record SessionResponse(string AccessToken, DateTimeOffset AccessTokenExpiresAt, string? RefreshToken, DateTimeOffset? RefreshTokenExpiresAt, OwnerResponse Owner);
