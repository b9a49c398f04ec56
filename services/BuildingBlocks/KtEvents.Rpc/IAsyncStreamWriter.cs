namespace KtEvents.Rpc;

/// <summary>
/// Writes the messages of a stream, one at a time, as Grpc.Core's (without <c>WriteOptions</c>: we never
/// compress what we send, and messages are always flushed at once).
/// </summary>
public interface IAsyncStreamWriter<in T>
{
    /// <summary>
    /// Sends one message and returns once it is handed to HTTP/2 (which may wait for the peer's flow-control
    /// window, so a slow reader slows the writer). Only one write may be pending at a time.
    /// </summary>
    Task WriteAsync(T message);

    /// <summary>As <see cref="WriteAsync(T)"/>; <paramref name="cancellationToken"/> also stops waiting for the peer.</summary>
    Task WriteAsync(T message, CancellationToken cancellationToken);
}
