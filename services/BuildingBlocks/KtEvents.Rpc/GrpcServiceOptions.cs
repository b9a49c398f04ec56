using KtEvents.Rpc.Wire;

namespace KtEvents.Rpc;

/// <summary>Server limits, set with <c>services.AddGrpc(o => …)</c>; names and defaults as Grpc.AspNetCore's.</summary>
public sealed class GrpcServiceOptions
{
    /// <summary>Largest request message accepted; bigger ones end the call with RESOURCE_EXHAUSTED. Null: no limit.</summary>
    public int? MaxReceiveMessageSize { get; set; } = GrpcProtocol.DefaultMaxReceiveMessageSize;

    /// <summary>Largest response message sent; bigger ones end the call with RESOURCE_EXHAUSTED. Null: no limit.</summary>
    public int? MaxSendMessageSize { get; set; }
}
