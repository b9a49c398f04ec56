using KtEvents.Contracts.Channels;
using KtEvents.Contracts.Distribution.V1;
using KtEvents.Contracts.Problems;
using KtEvents.Distribution.Infrastructure;
using KtEvents.Distribution.Model;
using KtEvents.Distribution.Worker;
using KtEvents.Rpc;
using KtEvents.ServiceDefaults.Authentication;

using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;

using ServiceDescriptor = Google.Protobuf.Reflection.ServiceDescriptor;

namespace KtEvents.Distribution.Grpc;

/// <summary><c>kt.distribution.v1.DistributionService</c>: the owner's view of a distribution, and 재시도/취소 per channel (UFR-DIST-020).</summary>
[Authorize]
public sealed partial class DistributionGrpcService(
    DistributionRepository repository,
    LiveUpdates live,
    IOptions<DistributionOptions> options,
    ILogger<DistributionGrpcService> logger) : IGrpcService
{
    public static ServiceDescriptor Descriptor => DistributionReflection.Descriptor.GetService("DistributionService");

    public async Task<EventDistribution> GetDistribution(GetDistributionRequest request, ServerCallContext context)
    {
        var eventId = ParseEventId(request.EventId);
        var rows = await repository.GetAsync(eventId, context.User.GetOwnerId(), context.CancellationToken);
        if (rows.Count == 0)
        {
            // Not approved yet, unknown, or another owner's: all look the same.
            throw ServiceProblem.NotFound("event_not_found", "배포 정보를 찾을 수 없습니다.");
        }

        var reply = new EventDistribution { EventId = eventId.ToString() };
        reply.Channels.AddRange(rows.Select(row => row.ToProto(options.Value.MaxAttempts)));
        return reply;
    }

    public async Task<ChannelDistribution> RetryChannel(ChannelRequest request, ServerCallContext context)
    {
        var (eventId, channel) = Parse(request);
        var change = await repository.RetryAsync(eventId, context.User.GetOwnerId(), channel, context.CancellationToken);
        return await AnswerAsync(change, eventId, channel, refused: row => ServiceProblem.Create(
            StatusCode.Aborted,
            "channel_not_retryable",
            $"{ChannelCodes.DisplayName(channel)} 배포는 실패한 경우에만 다시 시도할 수 있습니다. (현재: {StateName(row.State)})"));
    }

    public async Task<ChannelDistribution> CancelChannel(ChannelRequest request, ServerCallContext context)
    {
        var (eventId, channel) = Parse(request);
        var change = await repository.CancelAsync(eventId, context.User.GetOwnerId(), channel, context.CancellationToken);
        return await AnswerAsync(change, eventId, channel, refused: row => ServiceProblem.Create(
            StatusCode.Aborted,
            "channel_not_cancellable",
            ChannelCancellation.Refusal(row.Channel, row.State, row.AttemptInFlight)));
    }

    private async Task<ChannelDistribution> AnswerAsync(
        ChannelChange change, Guid eventId, string channel, Func<ChannelDistributionRow, RpcException> refused)
    {
        switch (change)
        {
            case ChannelChange.Changed changed:
                LogChanged(eventId, channel, changed.Row.State);
                // The worker's own hint comes when it takes the channel up; this one shows the change at once.
                await live.PublishAsync(eventId, LiveHint.Distribution);
                return changed.Row.ToProto(options.Value.MaxAttempts);
            case ChannelChange.Refused refusal:
                throw refused(refusal.Row);
            default:
                throw ServiceProblem.NotFound("distribution_channel_not_found", "이 이벤트의 해당 채널 배포 정보를 찾을 수 없습니다.");
        }
    }

    private static (Guid EventId, string Channel) Parse(ChannelRequest request)
    {
        var errors = new Dictionary<string, string[]>();
        if (!Guid.TryParse(request.EventId, out var eventId))
        {
            errors["eventId"] = ["이벤트 ID 형식이 올바르지 않습니다."];
        }

        if (!ChannelCodes.IsKnown(request.Channel))
        {
            errors["channel"] = ["알 수 없는 배포 채널입니다."];
        }

        return errors.Count > 0 ? throw ServiceProblem.Validation(errors) : (eventId, request.Channel);
    }

    private static Guid ParseEventId(string value) =>
        Guid.TryParse(value, out var eventId)
            ? eventId
            : throw ServiceProblem.Validation(new Dictionary<string, string[]> { ["eventId"] = ["이벤트 ID 형식이 올바르지 않습니다."] });

    private static string StateName(string state) => state switch
    {
        ChannelStates.Pending => "대기중",
        ChannelStates.Running => "진행중",
        ChannelStates.Succeeded => "완료",
        ChannelStates.Cancelled => "취소됨",
        _ => state,
    };

    [LoggerMessage(LogLevel.Information, "The owner of event {EventId} moved {Channel} to {State}.")]
    private partial void LogChanged(Guid eventId, string channel, string state);
}
