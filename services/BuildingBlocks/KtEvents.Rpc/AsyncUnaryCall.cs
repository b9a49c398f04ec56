using System.Runtime.CompilerServices;

namespace KtEvents.Rpc;

/// <summary>
/// A unary call in flight, as Grpc.Core's: await it for the response, or read its response headers,
/// status and trailers. Disposing it cancels the call if it is still running.
/// </summary>
public sealed class AsyncUnaryCall<TResponse>(
    Task<TResponse> responseAsync,
    Task<Metadata> responseHeadersAsync,
    Func<Status> getStatusFunc,
    Func<Metadata> getTrailersFunc,
    Action disposeAction) : IDisposable
{
    public Task<TResponse> ResponseAsync { get; } = responseAsync;

    public Task<Metadata> ResponseHeadersAsync { get; } = responseHeadersAsync;

    /// <summary>The final status; only once the call has finished.</summary>
    public Status GetStatus() => getStatusFunc();

    /// <summary>The trailers; only once the call has finished.</summary>
    public Metadata GetTrailers() => getTrailersFunc();

    public TaskAwaiter<TResponse> GetAwaiter() => ResponseAsync.GetAwaiter();

    public ConfiguredTaskAwaitable<TResponse> ConfigureAwait(bool continueOnCapturedContext) =>
        ResponseAsync.ConfigureAwait(continueOnCapturedContext);

    public void Dispose() => disposeAction();
}
