using Google.Protobuf.Reflection;

using KtEvents.Rpc.Tests.Protos;

namespace KtEvents.Rpc.Tests.Services;

/// <summary>Implements the server-streaming Watch as if it were unary, so mapping it must fail at startup.</summary>
public sealed class UnaryShapedFeedGrpcService : IGrpcService
{
    public static ServiceDescriptor Descriptor => TestingReflection.Descriptor.GetService("FeedService");

    public Task<EchoReply> Watch(WatchRequest request, ServerCallContext context) => Task.FromResult(new EchoReply());
}
