using Google.Protobuf.Reflection;

using KtEvents.Rpc.Tests.Protos;

namespace KtEvents.Rpc.Tests.Services;

/// <summary>Implements every EchoService rpc but Slow, so mapping it must fail at startup.</summary>
public sealed class IncompleteEchoGrpcService : IGrpcService
{
    public static ServiceDescriptor Descriptor => TestingReflection.Descriptor.GetService("EchoService");

    public Task<EchoReply> Echo(EchoRequest request, ServerCallContext context) => Task.FromResult(new EchoReply());

    public Task<EchoReply> Fail(FailRequest request, ServerCallContext context) => Task.FromResult(new EchoReply());

    public Task<EchoReply> Secret(EchoRequest request, ServerCallContext context) => Task.FromResult(new EchoReply());
}
