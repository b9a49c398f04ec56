namespace KtEvents.Hosting.Processes;

/// <summary>A server needed by the tests or the AppHost could not be found or started. The message says what to install or why.</summary>
public sealed class InfrastructureUnavailableException(string message, Exception? inner = null)
    : Exception(message, inner);
