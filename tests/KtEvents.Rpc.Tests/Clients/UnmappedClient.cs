using Google.Protobuf.Reflection;

using KtEvents.Rpc.Tests.Protos;

namespace KtEvents.Rpc.Tests.Clients;

/// <summary>A client for a service the test server never maps.</summary>
public sealed class UnmappedClient(CallInvoker callInvoker) : ClientBase(callInvoker)
{
    private static readonly ServiceDescriptor Service = TestingReflection.Descriptor.GetService("UnmappedService");
    private static readonly Method<EchoRequest, EchoReply> PingMethod = Method<EchoRequest, EchoReply>.Resolve(Service, "Ping");

    public AsyncUnaryCall<EchoReply> PingAsync(EchoRequest request, CallOptions options = default) =>
        CallInvoker.AsyncUnaryCall(PingMethod, options, request);
}
