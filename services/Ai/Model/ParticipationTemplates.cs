using KtEvents.Contracts.Ai.V1;

namespace KtEvents.Ai.Model;

/// <summary>
/// Participation methods by purpose, kind and budget. The budget sets the difficulty, as UFR-AI-010
/// asks: a simple method for the low tier, a revisit element for the medium tier, a viral device for the
/// high tier. The synthetic dataset draws its past events' methods from the same list.
/// </summary>
public static class ParticipationTemplates
{
    private static readonly Dictionary<(EventPurpose, PlanKind), ParticipationTemplate[]> ByPurpose = new()
    {
        [(EventPurpose.NewCustomers, PlanKind.Online)] =
            [new("채널 팔로우", "채널 팔로우 후 댓글 남기기"), new("첫 방문 쿠폰", "카카오톡 채널 추가하고 첫 방문 쿠폰 받기"), new("친구 태그", "친구 2명 태그하고 게시물 공유하기")],
        [(EventPurpose.NewCustomers, PlanKind.Offline)] =
            [new("첫 방문 룰렛", "첫 방문 고객 현장 룰렛 돌리기"), new("웰컴 스탬프", "첫 방문 스탬프 2개 적립, 3회 방문 시 경품"), new("친구 동반 혜택", "친구와 함께 방문하면 두 사람 모두 추첨 응모")],
        [(EventPurpose.Revisit, PlanKind.Online)] =
            [new("리뷰 쿠폰", "방문 후기 작성하면 다음 방문 쿠폰 지급"), new("재방문 인증", "두 번째 방문 영수증 사진 올리기"), new("방문 챌린지", "한 달 3회 방문 인증하고 공유하기")],
        [(EventPurpose.Revisit, PlanKind.Offline)] =
            [new("스탬프 적립", "방문마다 스탬프 적립, 5개 모으면 경품"), new("재방문 추첨", "재방문 영수증으로 추첨 응모"), new("단골 챌린지", "한 달 5회 방문 시 경품과 포인트 적립")],
        [(EventPurpose.Sales, PlanKind.Online)] =
            [new("구매 인증", "구매 인증샷 올리면 추첨 응모"), new("금액별 경품", "2만원 이상 구매 인증 시 경품 응모"), new("구매 챌린지", "구매 후기 공유하고 친구 할인 코드 받기")],
        [(EventPurpose.Sales, PlanKind.Offline)] =
            [new("영수증 응모", "영수증을 응모함에 넣으면 추첨"), new("금액별 사은품", "3만원 이상 구매 시 사은품 증정"), new("구매 금액 추첨", "구매 1만원마다 추첨권 1장 지급")],
        [(EventPurpose.Awareness, PlanKind.Online)] =
            [new("SNS 인증샷", "매장 인증샷과 해시태그 올리기"), new("해시태그 챌린지", "지정 해시태그로 릴스 올리기"), new("숏폼 챌린지", "숏폼 영상 챌린지 참여 후 친구 태그")],
        [(EventPurpose.Awareness, PlanKind.Offline)] =
            [new("현장 체험", "매장에 방문해 시식·체험 참여하기"), new("포토존 인증", "매장 포토존 사진 찍고 응모하기"), new("오픈 하우스", "현장 행사 참여하고 경품 추첨")],
    };

    public static IReadOnlyList<EventPurpose> Purposes { get; } =
        [EventPurpose.NewCustomers, EventPurpose.Revisit, EventPurpose.Sales, EventPurpose.Awareness];

    public static ParticipationTemplate For(EventPurpose purpose, PlanKind kind, BudgetTier tier) =>
        ByPurpose[(purpose, kind)][(int)tier - 1];

    /// <summary>
    /// The event type of a participation method: the template's, when the owner kept a templated
    /// method, otherwise the owner's own words, so their events still group with their own kind.
    /// </summary>
    public static string EventTypeOf(string method)
    {
        var trimmed = method.Trim();
        return ByPurpose.Values.SelectMany(t => t).FirstOrDefault(t => t.Method == trimmed)?.EventType ?? trimmed;
    }
}
