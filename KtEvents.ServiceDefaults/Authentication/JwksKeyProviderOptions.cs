namespace KtEvents.ServiceDefaults.Authentication;

/// <summary>Where to fetch the JWKS, how long to keep it, and how often a fetch may happen at most.</summary>
/// <param name="OverHttp2">Fetch with HTTP/2 prior knowledge, for an issuer that serves only HTTP/2 (h2c).</param>
public sealed record JwksKeyProviderOptions(Uri JwksUrl, TimeSpan CacheLifetime, TimeSpan RefreshInterval, bool OverHttp2 = false);
