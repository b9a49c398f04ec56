namespace KtEvents.Rpc;

/// <summary>
/// The response stream of a server-streaming rpc, handed to the service method:
/// <c>public async Task Watch(WatchRequest request, IServerStreamWriter&lt;Change&gt; responseStream, ServerCallContext context)</c>.
/// Each <see cref="IAsyncStreamWriter{T}.WriteAsync(T)"/> reaches the caller at once. Writing after the
/// call's <see cref="ServerCallContext.CancellationToken"/> fired (deadline or caller gone) throws
/// <see cref="OperationCanceledException"/>; writing after the method returned throws <see cref="InvalidOperationException"/>.
/// </summary>
public interface IServerStreamWriter<in T> : IAsyncStreamWriter<T>;
