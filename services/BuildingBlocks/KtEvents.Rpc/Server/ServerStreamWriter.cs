using Google.Protobuf;

namespace KtEvents.Rpc.Server;

/// <summary>The typed face of <see cref="ServerStreamResponse"/> that a service method writes to.</summary>
internal sealed class ServerStreamWriter<T>(ServerStreamResponse response) : IServerStreamWriter<T>
    where T : class, IMessage<T>
{
    public Task WriteAsync(T message) => response.WriteAsync(message, CancellationToken.None);

    public Task WriteAsync(T message, CancellationToken cancellationToken) => response.WriteAsync(message, cancellationToken);
}
