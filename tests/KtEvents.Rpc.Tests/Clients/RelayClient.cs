using Google.Protobuf.Reflection;

using KtEvents.Rpc.Tests.Protos;

namespace KtEvents.Rpc.Tests.Clients;

public sealed class RelayClient(CallInvoker callInvoker) : ClientBase(callInvoker)
{
    private static readonly ServiceDescriptor Service = TestingReflection.Descriptor.GetService("RelayService");
    private static readonly Method<EchoRequest, EchoReply> RelayMethod = Method<EchoRequest, EchoReply>.Resolve(Service, "Relay");

    public AsyncUnaryCall<EchoReply> RelayAsync(EchoRequest request, CallOptions options = default) =>
        CallInvoker.AsyncUnaryCall(RelayMethod, options, request);
}
