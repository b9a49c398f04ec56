using KtEvents.Contracts.Channels;
using KtEvents.Contracts.IntegrationEvents;

namespace KtEvents.Analytics.Tests.Infrastructure;

internal static class TestEvents
{
    public const long UridongneCost = 300_000;

    /// <summary>An approval as the Event service publishes it, with two channels: Instagram (free) and 우리동네TV.</summary>
    public static EventApprovedIntegrationEvent Approved(Guid ownerId, Guid? eventId = null) =>
        new(
            EventId: eventId ?? Guid.CreateVersion7(),
            OwnerId: ownerId,
            StoreName: "행복한 분식",
            StorePhone: "0212345678",
            Title: "떡볶이 1+1 이벤트",
            Prize: "떡볶이 1인분",
            PrizeQuantity: 10,
            ParticipationMethod: "이름과 전화번호를 남겨주세요",
            ExpectedParticipants: 200,
            ImageId: Guid.CreateVersion7(),
            StartsAt: DateTimeOffset.UtcNow.AddHours(-1),
            EndsAt: DateTimeOffset.UtcNow.AddDays(7),
            Channels:
            [
                new ApprovedChannel(ChannelCodes.Instagram, new Dictionary<string, string>(), 0, 1_000),
                new ApprovedChannel(ChannelCodes.UriDongneTv, new Dictionary<string, string> { ["radius"] = "500m" }, UridongneCost, 5_000),
            ]);

    public static ParticipantRegisteredIntegrationEvent Entry(Guid eventId, int number, string? channel = null, DateTimeOffset? at = null) =>
        new(eventId, $"A-{number:D6}", channel, at ?? DateTimeOffset.UtcNow);
}
