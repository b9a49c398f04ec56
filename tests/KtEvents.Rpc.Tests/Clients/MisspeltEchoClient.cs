using Google.Protobuf.Reflection;

using KtEvents.Rpc.Tests.Protos;

namespace KtEvents.Rpc.Tests.Clients;

/// <summary>Names an rpc that EchoService does not have ("Ech0"), so registering it must fail.</summary>
public sealed class MisspeltEchoClient(CallInvoker callInvoker) : ClientBase(callInvoker)
{
    private static readonly ServiceDescriptor Service = TestingReflection.Descriptor.GetService("EchoService");
    private static readonly Method<EchoRequest, EchoReply> EchoMethod = Method<EchoRequest, EchoReply>.Resolve(Service, "Ech0");

    public AsyncUnaryCall<EchoReply> EchoAsync(EchoRequest request, CallOptions options = default) =>
        CallInvoker.AsyncUnaryCall(EchoMethod, options, request);
}
