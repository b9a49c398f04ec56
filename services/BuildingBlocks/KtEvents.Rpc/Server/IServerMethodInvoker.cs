using Google.Protobuf;

namespace KtEvents.Rpc.Server;

/// <summary>The typed half of a server call: reads the request of one rpc and runs its implementation.</summary>
internal interface IServerMethodInvoker;

/// <summary>A unary rpc: the implementation returns its one response.</summary>
internal interface IUnaryMethodInvoker : IServerMethodInvoker
{
    Task<IMessage> InvokeAsync(ServerCallContext context, int? maxReceiveMessageSize);
}

/// <summary>A server-streaming rpc: the implementation writes its responses to <paramref name="responseStream"/>.</summary>
internal interface IServerStreamingMethodInvoker : IServerMethodInvoker
{
    Task InvokeAsync(ServerCallContext context, int? maxReceiveMessageSize, ServerStreamResponse responseStream);
}
