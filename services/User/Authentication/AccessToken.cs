namespace KtEvents.User.Authentication;

/// <summary>A signed access token and when it stops working.</summary>
public sealed record AccessToken(string Token, DateTimeOffset ExpiresAt);
