using Google.Protobuf.WellKnownTypes;

using KtEvents.Analytics.Infrastructure;
using KtEvents.Contracts.Analytics.V1;
using KtEvents.Contracts.Problems;
using KtEvents.Rpc;
using KtEvents.ServiceDefaults.Authentication;

using Microsoft.AspNetCore.Authorization;

using ServiceDescriptor = Google.Protobuf.Reflection.ServiceDescriptor;

namespace KtEvents.Analytics.Grpc;

/// <summary><c>kt.analytics.v1.AnalyticsService</c>: the owner's live dashboard figures (UFR-ANAL-010).</summary>
[Authorize]
public sealed class AnalyticsGrpcService(AnalyticsRepository repository) : IGrpcService
{
    public static ServiceDescriptor Descriptor => AnalyticsReflection.Descriptor.GetService("AnalyticsService");

    public async Task<EventSummary> GetEventSummary(GetEventSummaryRequest request, ServerCallContext context)
    {
        var ownerId = context.User.GetOwnerId();
        if (!Guid.TryParse(request.EventId, out var eventId)
            || await repository.FindAsync(eventId, ownerId, context.CancellationToken) is not { } figures)
        {
            throw ServiceProblem.NotFound("event_not_found", "이벤트를 찾을 수 없습니다.");
        }

        var summary = new EventSummary
        {
            EventId = figures.EventId.ToString(),
            Participants = figures.Participants,
            Exposures = figures.Exposures,
            ExpectedParticipants = figures.ExpectedParticipants,
            TotalCostKrw = figures.TotalCostKrw,
            UpdatedAt = Timestamp.FromDateTimeOffset(figures.UpdatedAt),
        };
        foreach (var channel in figures.Channels)
        {
            summary.Channels.Add(new ChannelFigures
            {
                Channel = channel.Channel,
                Exposures = channel.Exposures,
                Participants = channel.Participants,
                CostKrw = channel.CostKrw,
            });
        }
        return summary;
    }
}
