using Google.Protobuf.Reflection;

using KtEvents.Rpc.Tests.Protos;

namespace KtEvents.Rpc.Tests.Clients;

/// <summary>A typed client for a server-streaming rpc, shaped as Grpc.Tools generates one (virtual, so it can be faked).</summary>
public class FeedClient(CallInvoker callInvoker) : ClientBase(callInvoker)
{
    private static readonly ServiceDescriptor Service = TestingReflection.Descriptor.GetService("FeedService");
    private static readonly Method<WatchRequest, EchoReply> WatchMethod = Method<WatchRequest, EchoReply>.Resolve(Service, "Watch");

    public virtual AsyncServerStreamingCall<EchoReply> Watch(WatchRequest request, CallOptions options = default) =>
        CallInvoker.AsyncServerStreamingCall(WatchMethod, null, options, request);
}
