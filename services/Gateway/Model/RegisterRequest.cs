namespace KtEvents.Gateway.Model;

/// <summary>As sent by the browser: any field may be missing; the service answers with per-field errors.</summary>
public sealed record RegisterRequest(string? Name, string? Phone, string? Email, string? Password, string? StoreName, string? Industry, string? Address, string? OpeningHours, string? BusinessNumber);
