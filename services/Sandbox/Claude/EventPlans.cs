namespace KtEvents.Sandbox.Claude;

/// <summary>
/// The six plans of a <c>propose_event_plans</c> tool call, one per slot, inside the contract's
/// bands: cost low 250,000–300,000, medium 1,500,000–1,800,000, high 5,000,000–6,000,000 KRW, and
/// an expected ROI that falls as the budget tier rises (low &gt; medium &gt; high for the same kind).
/// </summary>
public static class EventPlans
{
    public static readonly string[] Slots =
        ["low-online", "low-offline", "medium-online", "medium-offline", "high-online", "high-offline"];

    private static readonly Tier[] Tiers =
    [
        new("low", MinCost: 250_000, CostStep: 10_000, Roi: 320, Participants: 80, DurationDays: 7, PrizeQuantity: 30),
        new("medium", MinCost: 1_500_000, CostStep: 60_000, Roi: 210, Participants: 400, DurationDays: 14, PrizeQuantity: 50),
        new("high", MinCost: 5_000_000, CostStep: 200_000, Roi: 140, Participants: 1_500, DurationDays: 30, PrizeQuantity: 10),
    ];

    public static IReadOnlyList<EventPlan> For(RequestTopic topic) =>
        [.. Tiers.SelectMany(tier => new[] { Plan(topic, tier, online: true), Plan(topic, tier, online: false) })];

    private static EventPlan Plan(RequestTopic topic, Tier tier, bool online)
    {
        // Steps 0–5 keep every cost inside its band and every ROI above the next tier's.
        var step = online ? topic.Variant : (topic.Variant + 3) % 6;
        var title = Title(topic, tier.Name, online);
        var prize = tier.Name switch
        {
            "low" => $"{topic.Product} 1매",
            "medium" => $"{topic.Product} 5매",
            _ => "최신 태블릿PC",
        };
        return new EventPlan(
            Slot: $"{tier.Name}-{(online ? "online" : "offline")}",
            Title: title,
            Prize: prize,
            ParticipationMethod: online
                ? $"매장 SNS 게시물에 {topic.Season} 추억을 댓글로 남기고 친구 1명을 태그하면 자동 응모됩니다."
                : $"매장 방문 후 결제 영수증을 보여 주시면 스탬프를 찍어 드리고, 3개를 모으면 응모됩니다.",
            PromotionLines:
            [
                $"{title} 지금 참여하세요! {topic.Hashtag}",
                $"{prize} 받을 기회, 놓치지 마세요 #이벤트",
                $"{topic.Season}에 만나는 특별한 혜택 #{topic.Season.Replace(" ", string.Empty)}이벤트",
                $"{topic.Region} 이웃과 함께하는 {topic.Industry} 이벤트 #동네가게",
                $"KT와 함께하는 우리 가게 응원 #KT #소상공인",
            ],
            ExpectedParticipants: tier.Participants * (online ? 3 : 2) / 2 + step * 10,
            CostKrw: tier.MinCost + step * tier.CostStep,
            ExpectedRoiPercent: tier.Roi - (online ? 0 : 20) - step * 5,
            KtMembershipPoints: tier.Name == "high" || (tier.Name == "medium" && online),
            DurationDays: tier.DurationDays,
            PrizeQuantity: tier.PrizeQuantity);
    }

    private static string Title(RequestTopic topic, string tier, bool online) => (tier, online) switch
    {
        ("low", true) => $"{topic.Season} {topic.Industry} 댓글 이벤트",
        ("low", false) => $"{topic.Season} {topic.Industry} 스탬프 이벤트",
        ("medium", true) => $"{topic.Region} {topic.Industry} 인증샷 챌린지",
        ("medium", false) => $"{topic.Industry} 방문 럭키드로우",
        (_, true) => $"{topic.Season} {topic.Industry} 온라인 페스티벌",
        _ => $"{topic.Region} {topic.Industry} 오픈하우스 축제",
    };

    private sealed record Tier(string Name, long MinCost, long CostStep, int Roi, int Participants, int DurationDays, int PrizeQuantity);
}
