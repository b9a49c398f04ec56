using Google.Protobuf.WellKnownTypes;

using KtEvents.Contracts.Distribution.V1;
using KtEvents.Contracts.Problems;
using KtEvents.Distribution.Infrastructure;
using KtEvents.Distribution.Model;
using KtEvents.Rpc;
using KtEvents.ServiceDefaults.Authentication;

using Microsoft.AspNetCore.Authorization;

using ServiceDescriptor = Google.Protobuf.Reflection.ServiceDescriptor;

namespace KtEvents.Distribution.Grpc;

/// <summary><c>kt.distribution.v1.DistributionService</c>: the owner's view of a distribution (UFR-DIST-020).</summary>
[Authorize]
public sealed class DistributionGrpcService(DistributionRepository repository) : IGrpcService
{
    public static ServiceDescriptor Descriptor => DistributionReflection.Descriptor.GetService("DistributionService");

    public async Task<EventDistribution> GetDistribution(GetDistributionRequest request, ServerCallContext context)
    {
        if (!Guid.TryParse(request.EventId, out var eventId))
        {
            throw ServiceProblem.Validation(new Dictionary<string, string[]> { ["eventId"] = ["이벤트 ID 형식이 올바르지 않습니다."] });
        }

        var rows = await repository.GetAsync(eventId, context.User.GetOwnerId(), context.CancellationToken);
        if (rows.Count == 0)
        {
            // Not approved yet, unknown, or another owner's: all look the same.
            throw ServiceProblem.NotFound("event_not_found", "배포 정보를 찾을 수 없습니다.");
        }

        var reply = new EventDistribution { EventId = eventId.ToString() };
        reply.Channels.AddRange(rows.Select(row => new ChannelDistribution
        {
            Channel = row.Channel,
            State = ChannelStates.ToProto(row.State),
            Attempts = row.Attempts,
            ExternalId = row.ExternalId ?? "",
            PostUrl = row.PostUrl ?? "",
            ErrorMessage = row.ErrorMessage ?? "",
            UpdatedAt = Timestamp.FromDateTimeOffset(row.UpdatedAt),
            ExpectedExposure = row.ExpectedExposure,
        }));
        return reply;
    }
}
