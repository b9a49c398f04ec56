using Google.Protobuf.Reflection;

using KtEvents.Rpc.Tests.Protos;

namespace KtEvents.Rpc.Tests.Services;

/// <summary>A client-streaming service, which KtEvents.Rpc does not serve: mapping it must fail at startup.</summary>
public sealed class UploadGrpcService : IGrpcService
{
    public static ServiceDescriptor Descriptor => TestingReflection.Descriptor.GetService("UploadService");
}
