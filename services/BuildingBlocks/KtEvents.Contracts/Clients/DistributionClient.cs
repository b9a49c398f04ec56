using Google.Protobuf.Reflection;

using KtEvents.Contracts.Distribution.V1;
using KtEvents.Rpc;

namespace KtEvents.Contracts.Clients;

/// <summary>Typed client of <c>kt.distribution.v1.DistributionService</c>, as Grpc.Tools would generate it (see <see cref="ClientBase"/>).</summary>
public sealed class DistributionClient(CallInvoker callInvoker) : ClientBase(callInvoker)
{
    private static readonly ServiceDescriptor Service = DistributionReflection.Descriptor.GetService("DistributionService");

    private static readonly Method<GetDistributionRequest, EventDistribution> GetDistributionMethod =
        Method<GetDistributionRequest, EventDistribution>.Resolve(Service, "GetDistribution");

    private static readonly Method<ChannelRequest, ChannelDistribution> RetryChannelMethod =
        Method<ChannelRequest, ChannelDistribution>.Resolve(Service, "RetryChannel");

    private static readonly Method<ChannelRequest, ChannelDistribution> CancelChannelMethod =
        Method<ChannelRequest, ChannelDistribution>.Resolve(Service, "CancelChannel");

    public AsyncUnaryCall<EventDistribution> GetDistributionAsync(GetDistributionRequest request, CallOptions options = default) =>
        CallInvoker.AsyncUnaryCall(GetDistributionMethod, options, request);

    public AsyncUnaryCall<ChannelDistribution> RetryChannelAsync(ChannelRequest request, CallOptions options = default) =>
        CallInvoker.AsyncUnaryCall(RetryChannelMethod, options, request);

    public AsyncUnaryCall<ChannelDistribution> CancelChannelAsync(ChannelRequest request, CallOptions options = default) =>
        CallInvoker.AsyncUnaryCall(CancelChannelMethod, options, request);
}
