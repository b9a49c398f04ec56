using Google.Protobuf.WellKnownTypes;

using KtEvents.Contracts.Participation.V1;
using KtEvents.Contracts.Problems;
using KtEvents.Participation.Infrastructure;
using KtEvents.Participation.Model;
using KtEvents.Rpc;
using KtEvents.ServiceDefaults.Authentication;

using Microsoft.AspNetCore.Authorization;

using ServiceDescriptor = Google.Protobuf.Reflection.ServiceDescriptor;

namespace KtEvents.Participation.Grpc;

/// <summary><c>kt.participation.v1.ParticipationService</c>: the public event page, entries (UFR-PART-010) and the owner's list (UFR-PART-020).</summary>
[Authorize]
public sealed partial class ParticipationGrpcService(
    ParticipationEventRepository events,
    EntryRepository entries,
    TimeProvider time,
    ILogger<ParticipationGrpcService> logger) : IGrpcService
{
    private const int DefaultPageSize = 20;
    private const int MaxPageSize = 100;

    public static ServiceDescriptor Descriptor => ParticipationReflection.Descriptor.GetService("ParticipationService");

    [AllowAnonymous]
    public async Task<PublicEvent> GetPublicEvent(GetPublicEventRequest request, ServerCallContext context)
    {
        var found = await FindAsync(request.EventId, context.CancellationToken);
        return new PublicEvent
        {
            EventId = found.EventId.ToString(),
            StoreName = found.StoreName,
            Title = found.Title,
            Prize = found.Prize,
            ParticipationMethod = found.ParticipationMethod,
            StartsAt = Timestamp.FromDateTimeOffset(found.StartsAt),
            EndsAt = Timestamp.FromDateTimeOffset(found.EndsAt),
            AnnounceAt = Timestamp.FromDateTimeOffset(found.AnnounceAt),
            Open = found.IsOpenAt(time.GetUtcNow()),
            ImageId = found.ImageId.ToString(),
            ConsentText = PrivacyConsent.Text,
            ConsentVersion = PrivacyConsent.Version,
        };
    }

    [AllowAnonymous]
    public async Task<EnterReply> Enter(EnterRequest request, ServerCallContext context)
    {
        var found = await FindAsync(request.EventId, context.CancellationToken);
        var entry = EntryValidator.Validate(found.EventId, request);

        // ABORTED is the gateway's 409 (docs/api.md): the request was fine, the event's state refuses it.
        var now = time.GetUtcNow();
        if (now < found.StartsAt)
        {
            throw ServiceProblem.Create(StatusCode.Aborted, "event_closed", "아직 시작되지 않은 이벤트입니다.");
        }
        if (!found.IsOpenAt(now))
        {
            throw ServiceProblem.Create(StatusCode.Aborted, "event_closed", "종료된 이벤트입니다.");
        }

        var receipt = await entries.AddAsync(entry, now, context.CancellationToken);
        if (receipt is null)
        {
            LogDuplicate(logger, found.EventId, PhoneNumber.Mask(entry.Phone));
            throw ServiceProblem.Create(StatusCode.AlreadyExists, "already_entered", "이미 참여하신 이벤트입니다");
        }

        LogEntered(logger, found.EventId, receipt.EntryNumber, PhoneNumber.Mask(entry.Phone), entry.Channel);
        return new EnterReply
        {
            EntryNumber = receipt.EntryNumber,
            AnnounceAt = Timestamp.FromDateTimeOffset(found.AnnounceAt),
        };
    }

    public async Task<ListEntriesReply> ListEntries(ListEntriesRequest request, ServerCallContext context)
    {
        var ownerId = context.User.GetOwnerId();
        if (!Guid.TryParse(request.EventId, out var eventId)
            || await events.FindOwnedAsync(eventId, ownerId, context.CancellationToken) is null)
        {
            throw EventNotFound();
        }

        var page = Math.Max(1, request.Page);
        var pageSize = request.PageSize <= 0 ? DefaultPageSize : Math.Min(request.PageSize, MaxPageSize);
        var result = await entries.ListAsync(eventId, page, pageSize, context.CancellationToken);

        var reply = new ListEntriesReply { Total = (int)Math.Min(result.Total, int.MaxValue) };
        foreach (var item in result.Entries)
        {
            reply.Entries.Add(new EntrySummary
            {
                EntryNumber = EntryNumber.Format(item.Sequence),
                MaskedName = PersonName.Mask(item.Name),
                MaskedPhone = PhoneNumber.Mask(item.Phone),
                Channel = item.Channel ?? "",
                EnteredAt = Timestamp.FromDateTimeOffset(item.EnteredAt),
                Winner = item.Winner,
            });
        }
        return reply;
    }

    private async Task<ParticipationEvent> FindAsync(string eventId, CancellationToken cancellationToken) =>
        Guid.TryParse(eventId, out var id) && await events.FindAsync(id, cancellationToken) is { } found
            ? found
            : throw EventNotFound();

    private static RpcException EventNotFound() => ServiceProblem.NotFound("event_not_found", "이벤트를 찾을 수 없습니다.");

    // Debug: at 1,000 entries per second an Information line each would drown the rest.
    [LoggerMessage(LogLevel.Debug, "Entry {EntryNumber} for event {EventId} from {MaskedPhone} via {Channel}.")]
    private static partial void LogEntered(ILogger logger, Guid eventId, string entryNumber, string maskedPhone, string? channel);

    [LoggerMessage(LogLevel.Information, "Second entry refused for event {EventId} from {MaskedPhone}.")]
    private static partial void LogDuplicate(ILogger logger, Guid eventId, string maskedPhone);
}
