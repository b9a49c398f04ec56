using Google.Protobuf.Reflection;

using KtEvents.Rpc.Tests.Protos;

namespace KtEvents.Rpc.Tests.Services;

/// <summary>A bidirectional-streaming service, which KtEvents.Rpc does not serve: mapping it must fail at startup.</summary>
public sealed class ChatGrpcService : IGrpcService
{
    public static ServiceDescriptor Descriptor => TestingReflection.Descriptor.GetService("ChatService");
}
