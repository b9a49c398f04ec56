namespace KtEvents.ServiceDefaults.Authentication;

/// <summary>What a valid token must say: its issuer, an audience it is meant for, and the clock skew tolerated.</summary>
public sealed record JwtValidationParameters(string Issuer, string Audience, TimeSpan ClockSkew);
