using KtEvents.Rpc.Wire;

namespace KtEvents.Rpc;

/// <summary>A typed client's settings, set with <c>AddGrpcClient&lt;TClient&gt;(o => o.Address = …)</c>.</summary>
public sealed class GrpcClientFactoryOptions
{
    /// <summary>
    /// The service, e.g. <c>http://event</c>: service discovery in ServiceDefaults resolves the name,
    /// so no service hard-codes another's address.
    /// </summary>
    public Uri? Address { get; set; }

    /// <summary>Largest response message accepted; bigger ones fail with RESOURCE_EXHAUSTED. Null: no limit.</summary>
    public int? MaxReceiveMessageSize { get; set; } = GrpcProtocol.DefaultMaxReceiveMessageSize;

    /// <summary>Largest request message sent; bigger ones fail with RESOURCE_EXHAUSTED before sending. Null: no limit.</summary>
    public int? MaxSendMessageSize { get; set; }
}
