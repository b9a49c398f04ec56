namespace KtEvents.Caching;

/// <summary>Why a connection failed, as in StackExchange.Redis.</summary>
public enum ConnectionFailureType
{
    None,
    UnableToConnect,
    SocketFailure,
    SocketClosed,
    AuthenticationFailure,
    ProtocolFailure,
    ConnectionDisposed,
}
