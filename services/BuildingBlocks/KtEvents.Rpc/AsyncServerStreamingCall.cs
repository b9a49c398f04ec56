namespace KtEvents.Rpc;

/// <summary>
/// A server-streaming call in flight, as Grpc.Core's: read <see cref="ResponseStream"/> to its end, then
/// <see cref="GetStatus"/> and <see cref="GetTrailers"/> are available. Disposing it cancels the call if it
/// has not finished (the server sees its CancellationToken fire), so always dispose it: <c>using var call = …</c>.
/// </summary>
public sealed class AsyncServerStreamingCall<TResponse>(
    IAsyncStreamReader<TResponse> responseStream,
    Task<Metadata> responseHeadersAsync,
    Func<Status> getStatusFunc,
    Func<Metadata> getTrailersFunc,
    Action disposeAction) : IDisposable
{
    public IAsyncStreamReader<TResponse> ResponseStream { get; } = responseStream;

    /// <summary>Completes when the server sends its response headers (with its first message at the latest).</summary>
    public Task<Metadata> ResponseHeadersAsync { get; } = responseHeadersAsync;

    /// <summary>The final status; only once the stream has been read to its end (or failed).</summary>
    public Status GetStatus() => getStatusFunc();

    /// <summary>The trailers; only once the stream has been read to its end (or failed).</summary>
    public Metadata GetTrailers() => getTrailersFunc();

    public void Dispose() => disposeAction();
}
