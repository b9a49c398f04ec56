using System.Net;

namespace KtEvents.Caching;

/// <summary>Raised when a connection is lost or restored.</summary>
public sealed class ConnectionFailedEventArgs(
    EndPoint endPoint, ConnectionType connectionType, ConnectionFailureType failureType, Exception? exception) : EventArgs
{
    public EndPoint EndPoint { get; } = endPoint;

    public ConnectionType ConnectionType { get; } = connectionType;

    public ConnectionFailureType FailureType { get; } = failureType;

    public Exception? Exception { get; } = exception;
}
