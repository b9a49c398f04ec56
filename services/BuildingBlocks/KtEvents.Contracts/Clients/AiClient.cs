using Google.Protobuf.Reflection;

using KtEvents.Contracts.Ai.V1;
using KtEvents.Rpc;

namespace KtEvents.Contracts.Clients;

/// <summary>Typed client of <c>kt.ai.v1.AiService</c>, as Grpc.Tools would generate it (see <see cref="ClientBase"/>).</summary>
public sealed class AiClient(CallInvoker callInvoker) : ClientBase(callInvoker)
{
    private static readonly ServiceDescriptor Service = AiReflection.Descriptor.GetService("AiService");

    private static readonly Method<RecommendRequest, RecommendReply> RecommendMethod =
        Method<RecommendRequest, RecommendReply>.Resolve(Service, "Recommend");

    private static readonly Method<RecommendRequest, RecommendationUpdate> StreamRecommendationMethod =
        Method<RecommendRequest, RecommendationUpdate>.Resolve(Service, "StreamRecommendation");

    private static readonly Method<RecordFeedbackRequest, RecordFeedbackReply> RecordFeedbackMethod =
        Method<RecordFeedbackRequest, RecordFeedbackReply>.Resolve(Service, "RecordFeedback");

    public AsyncUnaryCall<RecommendReply> RecommendAsync(RecommendRequest request, CallOptions options = default) =>
        CallInvoker.AsyncUnaryCall(RecommendMethod, options, request);

    public AsyncServerStreamingCall<RecommendationUpdate> StreamRecommendation(RecommendRequest request, CallOptions options = default) =>
        CallInvoker.AsyncServerStreamingCall(StreamRecommendationMethod, null, options, request);

    public AsyncUnaryCall<RecordFeedbackReply> RecordFeedbackAsync(RecordFeedbackRequest request, CallOptions options = default) =>
        CallInvoker.AsyncUnaryCall(RecordFeedbackMethod, options, request);
}
