using KtEvents.Ai.Feedback;
using KtEvents.Ai.Recommendations;
using KtEvents.Contracts.Ai.V1;
using KtEvents.Rpc;
using KtEvents.ServiceDefaults.Authentication;

using Microsoft.AspNetCore.Authorization;

using ServiceDescriptor = Google.Protobuf.Reflection.ServiceDescriptor;

namespace KtEvents.Ai.Grpc;

/// <summary><c>kt.ai.v1.AiService</c>: called by the Event service with the owner's token, forwarded.</summary>
[Authorize]
public sealed class AiGrpcService(RecommendationService recommendations, FeedbackService feedback) : IGrpcService
{
    public static ServiceDescriptor Descriptor => AiReflection.Descriptor.GetService("AiService");

    public Task<RecommendReply> Recommend(RecommendRequest request, ServerCallContext context) =>
        recommendations.RecommendAsync(request, context.User.GetOwnerId(), context.CancellationToken);

    /// <summary>The trends as soon as they are final, then the whole reply (which carries them again).</summary>
    public async Task StreamRecommendation(RecommendRequest request, IServerStreamWriter<RecommendationUpdate> responseStream, ServerCallContext context)
    {
        var reply = await recommendations.RecommendAsync(
            request,
            context.User.GetOwnerId(),
            trends => responseStream.WriteAsync(new RecommendationUpdate { Trends = trends }, context.CancellationToken),
            context.CancellationToken);
        await responseStream.WriteAsync(new RecommendationUpdate { Reply = reply }, context.CancellationToken);
    }

    public Task<RecordFeedbackReply> RecordFeedback(RecordFeedbackRequest request, ServerCallContext context) =>
        feedback.RecordAsync(request, context.User.GetOwnerId(), context.CancellationToken);
}
