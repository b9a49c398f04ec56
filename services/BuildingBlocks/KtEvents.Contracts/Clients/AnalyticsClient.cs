using Google.Protobuf.Reflection;

using KtEvents.Contracts.Analytics.V1;
using KtEvents.Rpc;

namespace KtEvents.Contracts.Clients;

/// <summary>Typed client of <c>kt.analytics.v1.AnalyticsService</c>, as Grpc.Tools would generate it (see <see cref="ClientBase"/>).</summary>
public sealed class AnalyticsClient(CallInvoker callInvoker) : ClientBase(callInvoker)
{
    private static readonly ServiceDescriptor Service = AnalyticsReflection.Descriptor.GetService("AnalyticsService");

    private static readonly Method<GetEventSummaryRequest, EventSummary> GetEventSummaryMethod =
        Method<GetEventSummaryRequest, EventSummary>.Resolve(Service, "GetEventSummary");

    private static readonly Method<ListEventTotalsRequest, ListEventTotalsReply> ListEventTotalsMethod =
        Method<ListEventTotalsRequest, ListEventTotalsReply>.Resolve(Service, "ListEventTotals");

    public AsyncUnaryCall<EventSummary> GetEventSummaryAsync(GetEventSummaryRequest request, CallOptions options = default) =>
        CallInvoker.AsyncUnaryCall(GetEventSummaryMethod, options, request);

    public AsyncUnaryCall<ListEventTotalsReply> ListEventTotalsAsync(ListEventTotalsRequest request, CallOptions options = default) =>
        CallInvoker.AsyncUnaryCall(ListEventTotalsMethod, options, request);
}
