namespace KtEvents.Dashboard.Telemetry;

/// <summary>An attribute with its value already turned into display text (arrays as JSON-like lists).</summary>
public sealed record TelemetryAttribute(string Key, string Value);
