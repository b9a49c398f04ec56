namespace KtEvents.Rpc;

/// <summary>The four kinds of rpc, with Grpc.Core's names; KtEvents.Rpc carries unary and server streaming.</summary>
public enum MethodType
{
    /// <summary>One request, one response.</summary>
    Unary,

    /// <summary>A stream of requests, one response. Not supported here.</summary>
    ClientStreaming,

    /// <summary>One request, a stream of responses.</summary>
    ServerStreaming,

    /// <summary>Streams both ways. Not supported here.</summary>
    DuplexStreaming,
}
