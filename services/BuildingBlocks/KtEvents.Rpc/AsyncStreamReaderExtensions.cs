using System.Runtime.CompilerServices;

namespace KtEvents.Rpc;

/// <summary>Named as in Grpc.Core (Grpc.Net.Common), so <c>ReadAllAsync</c> call sites survive the swap.</summary>
public static class AsyncStreamReaderExtensions
{
    /// <summary>
    /// The stream as an <see cref="IAsyncEnumerable{T}"/>: <c>await foreach (var change in call.ResponseStream.ReadAllAsync(token))</c>.
    /// A non-OK status at the end is thrown as <see cref="RpcException"/> from the loop.
    /// </summary>
    public static async IAsyncEnumerable<T> ReadAllAsync<T>(
        this IAsyncStreamReader<T> streamReader, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(streamReader);
        while (await streamReader.MoveNext(cancellationToken).ConfigureAwait(false))
        {
            yield return streamReader.Current;
        }
    }
}
