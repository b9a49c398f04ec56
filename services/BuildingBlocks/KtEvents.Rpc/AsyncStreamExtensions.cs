namespace KtEvents.Rpc;

/// <summary>Grpc.Core's convenience overloads for streams.</summary>
public static class AsyncStreamExtensions
{
    /// <summary>Reads the next message without a cancellation token of its own.</summary>
    public static Task<bool> MoveNext<T>(this IAsyncStreamReader<T> streamReader)
    {
        ArgumentNullException.ThrowIfNull(streamReader);
        return streamReader.MoveNext(CancellationToken.None);
    }
}
