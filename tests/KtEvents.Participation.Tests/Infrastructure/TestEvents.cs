using KtEvents.Contracts.Channels;
using KtEvents.Contracts.IntegrationEvents;

namespace KtEvents.Participation.Tests.Infrastructure;

internal static class TestEvents
{
    /// <summary>An approval as the Event service publishes it; open from an hour ago for a week unless told otherwise.</summary>
    public static EventApprovedIntegrationEvent Approved(Guid ownerId, DateTimeOffset? startsAt = null, DateTimeOffset? endsAt = null)
    {
        var now = DateTimeOffset.UtcNow;
        return new EventApprovedIntegrationEvent(
            EventId: Guid.CreateVersion7(),
            OwnerId: ownerId,
            StoreName: "행복한 분식",
            StorePhone: "0212345678",
            Title: "떡볶이 1+1 이벤트",
            Prize: "떡볶이 1인분",
            PrizeQuantity: 10,
            ParticipationMethod: "이름과 전화번호를 남겨주세요",
            ExpectedParticipants: 200,
            ImageId: Guid.CreateVersion7(),
            StartsAt: startsAt ?? now.AddHours(-1),
            EndsAt: endsAt ?? now.AddDays(7),
            Channels: [new ApprovedChannel(ChannelCodes.Instagram, new Dictionary<string, string>(), 0, 1_000)]);
    }
}
