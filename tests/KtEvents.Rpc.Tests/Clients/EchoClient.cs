using Google.Protobuf.Reflection;

using KtEvents.Rpc.Tests.Protos;

namespace KtEvents.Rpc.Tests.Clients;

public sealed class EchoClient(CallInvoker callInvoker) : ClientBase(callInvoker)
{
    private static readonly ServiceDescriptor Service = TestingReflection.Descriptor.GetService("EchoService");
    private static readonly Method<EchoRequest, EchoReply> EchoMethod = Method<EchoRequest, EchoReply>.Resolve(Service, "Echo");
    private static readonly Method<FailRequest, EchoReply> FailMethod = Method<FailRequest, EchoReply>.Resolve(Service, "Fail");
    private static readonly Method<EchoRequest, EchoReply> SlowMethod = Method<EchoRequest, EchoReply>.Resolve(Service, "Slow");
    private static readonly Method<EchoRequest, EchoReply> SecretMethod = Method<EchoRequest, EchoReply>.Resolve(Service, "Secret");

    public AsyncUnaryCall<EchoReply> EchoAsync(EchoRequest request, CallOptions options = default) =>
        CallInvoker.AsyncUnaryCall(EchoMethod, options, request);

    public AsyncUnaryCall<EchoReply> FailAsync(FailRequest request, CallOptions options = default) =>
        CallInvoker.AsyncUnaryCall(FailMethod, options, request);

    public AsyncUnaryCall<EchoReply> SlowAsync(EchoRequest request, CallOptions options = default) =>
        CallInvoker.AsyncUnaryCall(SlowMethod, options, request);

    public AsyncUnaryCall<EchoReply> SecretAsync(EchoRequest request, CallOptions options = default) =>
        CallInvoker.AsyncUnaryCall(SecretMethod, options, request);
}
