namespace KtEvents.Rpc;

/// <summary>
/// Reads the messages of a stream, as Grpc.Core's: <c>while (await reader.MoveNext(token)) { use reader.Current; }</c>,
/// or <c>await foreach (var m in reader.ReadAllAsync(token))</c>.
/// </summary>
public interface IAsyncStreamReader<out T>
{
    /// <summary>The message the last successful <see cref="MoveNext"/> read.</summary>
    T Current { get; }

    /// <summary>
    /// Reads the next message: true if there is one, false once the stream ended with status OK. A non-OK
    /// status throws <see cref="RpcException"/>. Cancelling <paramref name="cancellationToken"/> cancels the call.
    /// </summary>
    Task<bool> MoveNext(CancellationToken cancellationToken);
}
