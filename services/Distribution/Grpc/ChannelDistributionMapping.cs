using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

using Google.Protobuf.WellKnownTypes;

using KtEvents.Contracts.Distribution.V1;
using KtEvents.Distribution.Model;

namespace KtEvents.Distribution.Grpc;

/// <summary>
/// A stored channel row as the owner reads it: the channel's own answers (배포 정보) lifted out of the
/// details it sent, and what the owner may do with the row now.
/// </summary>
public static class ChannelDistributionMapping
{
    public static ChannelDistribution ToProto(this ChannelDistributionRow row, int maxAttempts)
    {
        var reply = new ChannelDistribution
        {
            Channel = row.Channel,
            State = ChannelStates.ToProto(row.State),
            Attempts = row.Attempts,
            ExternalId = row.ExternalId ?? "",
            PostUrl = row.PostUrl ?? "",
            ErrorMessage = row.ErrorMessage ?? "",
            UpdatedAt = Timestamp.FromDateTimeOffset(row.UpdatedAt),
            ExpectedExposure = row.ExpectedExposure,
            MaxAttempts = maxAttempts,
            Retryable = row.State == ChannelStates.Failed,
            Cancellable = ChannelCancellation.CanCancel(row.Channel, row.State, row.AttemptInFlight),
            ReportedExposure = row.ReportedExposure ?? 0,
        };

        // 링고비즈: {"updatedAt": "2026-11-21T02:17:00.000+00:00"}.
        if (Text(row.Details?["updatedAt"]) is { } updatedAt
            && DateTimeOffset.TryParse(updatedAt, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var at))
        {
            reply.RingbackUpdatedAt = Timestamp.FromDateTimeOffset(at);
        }

        // 지니TV: {"schedule": [{"date": "2026-12-01", "from": "07:00", "to": "23:00"}, …]}.
        if (row.Details?["schedule"] is JsonArray schedule)
        {
            reply.ExposureSchedule.AddRange(schedule.OfType<JsonObject>().Select(slot => new ExposureSlot
            {
                Date = Text(slot["date"]) ?? "",
                From = Text(slot["from"]) ?? "",
                To = Text(slot["to"]) ?? "",
            }));
        }

        return reply;
    }

    /// <summary>A string the channel sent, or null: the details are the channel's, so nothing in them is trusted to have a shape.</summary>
    private static string? Text(JsonNode? node) =>
        node?.GetValueKind() == JsonValueKind.String ? node.GetValue<string>() : null;
}
