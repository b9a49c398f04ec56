namespace KtEvents.User.Authentication;

/// <summary>A refresh token to hand out once; only <see cref="Hash"/> is stored.</summary>
public sealed record NewRefreshToken(string Token, byte[] Hash, DateTimeOffset ExpiresAt);
