using Google.Protobuf;

namespace KtEvents.Rpc.Server;

/// <summary>Reads the request of one rpc and runs its implementation; the typed half of a server call.</summary>
internal interface IServerMethodInvoker
{
    Task<IMessage> InvokeAsync(ServerCallContext context, int? maxReceiveMessageSize);
}
