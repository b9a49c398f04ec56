namespace KtEvents.Testing.Servers;

/// <summary>A server needed by the tests could not be found or started. The message says what to install or why.</summary>
public sealed class InfrastructureUnavailableException(string message, Exception? inner = null)
    : Exception(message, inner);
