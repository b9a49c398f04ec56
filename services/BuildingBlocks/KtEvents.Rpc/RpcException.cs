namespace KtEvents.Rpc;

/// <summary>
/// A call that ended with a non-OK status. Thrown by a service to choose the status the caller gets,
/// and thrown to the caller by a client when the call fails, in both cases as Grpc.Core does.
/// </summary>
public sealed class RpcException(Status status, Metadata trailers)
    : Exception($"Status(StatusCode=\"{status.StatusCode}\", Detail=\"{status.Detail}\")")
{
    public RpcException(Status status) : this(status, new Metadata())
    {
    }

    public Status Status { get; } = status;

    public StatusCode StatusCode => Status.StatusCode;

    /// <summary>Trailers sent with the status: set by the thrower on the server, received ones on the client.</summary>
    public Metadata Trailers { get; } = trailers;
}
