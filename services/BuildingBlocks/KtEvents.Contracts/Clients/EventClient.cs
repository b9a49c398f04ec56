using Google.Protobuf.Reflection;

using KtEvents.Contracts.Event.V1;
using KtEvents.Rpc;

namespace KtEvents.Contracts.Clients;

/// <summary>Typed client of <c>kt.event.v1.EventService</c>, as Grpc.Tools would generate it (see <see cref="ClientBase"/>).</summary>
public sealed class EventClient(CallInvoker callInvoker) : ClientBase(callInvoker)
{
    private static readonly ServiceDescriptor Service = EventReflection.Descriptor.GetService("EventService");

    private static readonly Method<ListEventsRequest, ListEventsReply> ListEventsMethod =
        Method<ListEventsRequest, ListEventsReply>.Resolve(Service, "ListEvents");

    private static readonly Method<CreateEventRequest, EventDetail> CreateEventMethod =
        Method<CreateEventRequest, EventDetail>.Resolve(Service, "CreateEvent");

    private static readonly Method<GetEventRequest, EventDetail> GetEventMethod =
        Method<GetEventRequest, EventDetail>.Resolve(Service, "GetEvent");

    private static readonly Method<RecommendEventRequest, EventDetail> RecommendMethod =
        Method<RecommendEventRequest, EventDetail>.Resolve(Service, "Recommend");

    private static readonly Method<RecommendEventRequest, RecommendEventUpdate> StreamRecommendMethod =
        Method<RecommendEventRequest, RecommendEventUpdate>.Resolve(Service, "StreamRecommend");

    private static readonly Method<SelectPlanRequest, EventDetail> SelectPlanMethod =
        Method<SelectPlanRequest, EventDetail>.Resolve(Service, "SelectPlan");

    private static readonly Method<GenerateEventImagesRequest, GenerateEventImagesReply> GenerateImagesMethod =
        Method<GenerateEventImagesRequest, GenerateEventImagesReply>.Resolve(Service, "GenerateImages");

    private static readonly Method<SelectEventImageRequest, EventDetail> SelectImageMethod =
        Method<SelectEventImageRequest, EventDetail>.Resolve(Service, "SelectImage");

    private static readonly Method<EstimateChannelsRequest, ChannelPlan> EstimateChannelsMethod =
        Method<EstimateChannelsRequest, ChannelPlan>.Resolve(Service, "EstimateChannels");

    private static readonly Method<SetChannelsRequest, EventDetail> SetChannelsMethod =
        Method<SetChannelsRequest, EventDetail>.Resolve(Service, "SetChannels");

    private static readonly Method<ApproveEventRequest, EventDetail> ApproveMethod =
        Method<ApproveEventRequest, EventDetail>.Resolve(Service, "Approve");

    private static readonly Method<ReportSalesRequest, EventDetail> ReportSalesMethod =
        Method<ReportSalesRequest, EventDetail>.Resolve(Service, "ReportSales");

    public AsyncUnaryCall<ListEventsReply> ListEventsAsync(ListEventsRequest request, CallOptions options = default) =>
        CallInvoker.AsyncUnaryCall(ListEventsMethod, options, request);

    public AsyncUnaryCall<EventDetail> CreateEventAsync(CreateEventRequest request, CallOptions options = default) =>
        CallInvoker.AsyncUnaryCall(CreateEventMethod, options, request);

    public AsyncUnaryCall<EventDetail> GetEventAsync(GetEventRequest request, CallOptions options = default) =>
        CallInvoker.AsyncUnaryCall(GetEventMethod, options, request);

    public AsyncUnaryCall<EventDetail> RecommendAsync(RecommendEventRequest request, CallOptions options = default) =>
        CallInvoker.AsyncUnaryCall(RecommendMethod, options, request);

    public AsyncServerStreamingCall<RecommendEventUpdate> StreamRecommend(RecommendEventRequest request, CallOptions options = default) =>
        CallInvoker.AsyncServerStreamingCall(StreamRecommendMethod, null, options, request);

    public AsyncUnaryCall<EventDetail> SelectPlanAsync(SelectPlanRequest request, CallOptions options = default) =>
        CallInvoker.AsyncUnaryCall(SelectPlanMethod, options, request);

    public AsyncUnaryCall<GenerateEventImagesReply> GenerateImagesAsync(GenerateEventImagesRequest request, CallOptions options = default) =>
        CallInvoker.AsyncUnaryCall(GenerateImagesMethod, options, request);

    public AsyncUnaryCall<EventDetail> SelectImageAsync(SelectEventImageRequest request, CallOptions options = default) =>
        CallInvoker.AsyncUnaryCall(SelectImageMethod, options, request);

    public AsyncUnaryCall<ChannelPlan> EstimateChannelsAsync(EstimateChannelsRequest request, CallOptions options = default) =>
        CallInvoker.AsyncUnaryCall(EstimateChannelsMethod, options, request);

    public AsyncUnaryCall<EventDetail> SetChannelsAsync(SetChannelsRequest request, CallOptions options = default) =>
        CallInvoker.AsyncUnaryCall(SetChannelsMethod, options, request);

    public AsyncUnaryCall<EventDetail> ApproveAsync(ApproveEventRequest request, CallOptions options = default) =>
        CallInvoker.AsyncUnaryCall(ApproveMethod, options, request);

    public AsyncUnaryCall<EventDetail> ReportSalesAsync(ReportSalesRequest request, CallOptions options = default) =>
        CallInvoker.AsyncUnaryCall(ReportSalesMethod, options, request);
}
