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
    private const int MaxTotals = 100;

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
        foreach (var hour in figures.Hourly)
        {
            summary.Hourly.Add(new HourlyParticipants { HourStart = Timestamp.FromDateTimeOffset(hour.HourStart), Participants = hour.Participants });
        }
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

    public async Task<ListEventTotalsReply> ListEventTotals(ListEventTotalsRequest request, ServerCallContext context)
    {
        if (request.EventIds.Count > MaxTotals)
        {
            throw ServiceProblem.Validation(new Dictionary<string, string[]>
            {
                ["eventIds"] = [$"한 번에 {MaxTotals}개까지 조회할 수 있습니다."],
            });
        }
        // An id that is not a GUID cannot be any event's: it simply has no figures, like a missing one.
        var eventIds = request.EventIds.Select(id => Guid.TryParse(id, out var eventId) ? eventId : Guid.Empty)
            .Where(eventId => eventId != Guid.Empty)
            .Distinct()
            .ToList();
        var reply = new ListEventTotalsReply();
        if (eventIds.Count == 0)
        {
            return reply;
        }
        foreach (var totals in await repository.ListTotalsAsync(context.User.GetOwnerId(), eventIds, context.CancellationToken))
        {
            reply.Events.Add(new EventTotals { EventId = totals.EventId.ToString(), Participants = totals.Participants, Exposures = totals.Exposures });
        }
        return reply;
    }
}
