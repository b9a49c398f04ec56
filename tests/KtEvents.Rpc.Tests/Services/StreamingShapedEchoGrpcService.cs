using Google.Protobuf.Reflection;

using KtEvents.Rpc.Tests.Protos;

namespace KtEvents.Rpc.Tests.Services;

/// <summary>Implements the unary Echo as if it streamed, so mapping it must fail at startup.</summary>
public sealed class StreamingShapedEchoGrpcService : IGrpcService
{
    public static ServiceDescriptor Descriptor => TestingReflection.Descriptor.GetService("EchoService");

    public Task Echo(EchoRequest request, IServerStreamWriter<EchoReply> responseStream, ServerCallContext context) => Task.CompletedTask;

    public Task<EchoReply> Fail(FailRequest request, ServerCallContext context) => Task.FromResult(new EchoReply());

    public Task<EchoReply> Slow(EchoRequest request, ServerCallContext context) => Task.FromResult(new EchoReply());

    public Task<EchoReply> Secret(EchoRequest request, ServerCallContext context) => Task.FromResult(new EchoReply());
}
