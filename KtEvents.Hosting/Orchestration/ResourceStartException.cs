namespace KtEvents.Hosting.Orchestration;

/// <summary>A resource cannot start; the message says why in a line fit for the dashboard.</summary>
public sealed class ResourceStartException(string message) : Exception(message);
