namespace KtEvents.Gateway.Model;

/// <summary>As sent by the browser: any field may be missing; the service answers with per-field errors.</summary>
public sealed record SelectImageRequest(string? ImageId);
