namespace KtEvents.Gateway.Model;

/// <summary>As sent by the browser: any field may be missing; the service answers with per-field errors.</summary>
public sealed record EntryRequest(string? Name, string? Phone, string? Channel, bool PrivacyConsent, bool MarketingConsent, string? ConsentVersion);
