using Google.Protobuf.Reflection;

using KtEvents.Contracts.Content.V1;
using KtEvents.Rpc;

namespace KtEvents.Contracts.Clients;

/// <summary>Typed client of <c>kt.content.v1.ContentService</c>, as Grpc.Tools would generate it (see <see cref="ClientBase"/>).</summary>
public sealed class ContentClient(CallInvoker callInvoker) : ClientBase(callInvoker)
{
    private static readonly ServiceDescriptor Service = ContentReflection.Descriptor.GetService("ContentService");

    private static readonly Method<GenerateImagesRequest, GenerateImagesReply> GenerateImagesMethod =
        Method<GenerateImagesRequest, GenerateImagesReply>.Resolve(Service, "GenerateImages");

    private static readonly Method<GetImageRequest, Image> GetImageMethod =
        Method<GetImageRequest, Image>.Resolve(Service, "GetImage");

    private static readonly Method<SelectImageRequest, Image> SelectImageMethod =
        Method<SelectImageRequest, Image>.Resolve(Service, "SelectImage");

    public AsyncUnaryCall<GenerateImagesReply> GenerateImagesAsync(GenerateImagesRequest request, CallOptions options = default) =>
        CallInvoker.AsyncUnaryCall(GenerateImagesMethod, options, request);

    public AsyncUnaryCall<Image> GetImageAsync(GetImageRequest request, CallOptions options = default) =>
        CallInvoker.AsyncUnaryCall(GetImageMethod, options, request);

    public AsyncUnaryCall<Image> SelectImageAsync(SelectImageRequest request, CallOptions options = default) =>
        CallInvoker.AsyncUnaryCall(SelectImageMethod, options, request);
}
