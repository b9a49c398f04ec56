using Google.Protobuf.Reflection;

using KtEvents.Contracts.Participation.V1;
using KtEvents.Rpc;

namespace KtEvents.Contracts.Clients;

/// <summary>Typed client of <c>kt.participation.v1.ParticipationService</c>, as Grpc.Tools would generate it (see <see cref="ClientBase"/>).</summary>
public sealed class ParticipationClient(CallInvoker callInvoker) : ClientBase(callInvoker)
{
    private static readonly ServiceDescriptor Service = ParticipationReflection.Descriptor.GetService("ParticipationService");

    private static readonly Method<GetPublicEventRequest, PublicEvent> GetPublicEventMethod =
        Method<GetPublicEventRequest, PublicEvent>.Resolve(Service, "GetPublicEvent");

    private static readonly Method<EnterRequest, EnterReply> EnterMethod =
        Method<EnterRequest, EnterReply>.Resolve(Service, "Enter");

    private static readonly Method<ListEntriesRequest, ListEntriesReply> ListEntriesMethod =
        Method<ListEntriesRequest, ListEntriesReply>.Resolve(Service, "ListEntries");

    public AsyncUnaryCall<PublicEvent> GetPublicEventAsync(GetPublicEventRequest request, CallOptions options = default) =>
        CallInvoker.AsyncUnaryCall(GetPublicEventMethod, options, request);

    public AsyncUnaryCall<EnterReply> EnterAsync(EnterRequest request, CallOptions options = default) =>
        CallInvoker.AsyncUnaryCall(EnterMethod, options, request);

    public AsyncUnaryCall<ListEntriesReply> ListEntriesAsync(ListEntriesRequest request, CallOptions options = default) =>
        CallInvoker.AsyncUnaryCall(ListEntriesMethod, options, request);
}
