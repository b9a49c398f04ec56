using KtEvents.Contracts.Ai.V1;
using KtEvents.Rpc;

namespace KtEvents.Event.Grpc;

internal static partial class EventLog
{
    [LoggerMessage(1, LogLevel.Information, "Event {EventId} drafted for purpose {Purpose}")]
    public static partial void DraftCreated(ILogger logger, Guid eventId, EventPurpose purpose);

    [LoggerMessage(2, LogLevel.Information, "Event {EventId} approved with {ChannelCount} channels")]
    public static partial void Approved(ILogger logger, Guid eventId, int channelCount);

    [LoggerMessage(3, LogLevel.Warning, "The Ai service failed for event {EventId}: {StatusCode}")]
    public static partial void AiFailed(ILogger logger, Guid eventId, StatusCode statusCode);

    [LoggerMessage(4, LogLevel.Warning, "The Content service failed for event {EventId}: {StatusCode}")]
    public static partial void ContentFailed(ILogger logger, Guid eventId, StatusCode statusCode);

    [LoggerMessage(5, LogLevel.Information, "Event {EventId} is live: its distribution has finished")]
    public static partial void Activated(ILogger logger, Guid eventId);

    [LoggerMessage(7, LogLevel.Warning, "The Ai service did not take the {Kind} feedback of event {EventId}: {StatusCode}")]
    public static partial void FeedbackLost(ILogger logger, Guid eventId, KtEvents.Contracts.Ai.V1.FeedbackKind kind, StatusCode statusCode);

    [LoggerMessage(8, LogLevel.Information, "Event {EventId} has its sales reported: ROI {RoiPercent}%")]
    public static partial void SalesReported(ILogger logger, Guid eventId, int roiPercent);
}
