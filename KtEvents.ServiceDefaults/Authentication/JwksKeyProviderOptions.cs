namespace KtEvents.ServiceDefaults.Authentication;

/// <summary>Where to fetch the JWKS, how long to keep it, and how often a fetch may happen at most.</summary>
public sealed record JwksKeyProviderOptions(Uri JwksUrl, TimeSpan CacheLifetime, TimeSpan RefreshInterval);
