namespace KtEvents.Sandbox.Claude;

/// <summary>The input of a <c>write_trend_narratives</c> tool call: three Korean narratives of about 100 characters.</summary>
public sealed record TrendNarratives(string Industry, string Region, string Season)
{
    public static TrendNarratives For(RequestTopic topic) => new(
        $"{topic.Industry} 업종은 최근 가까운 매장에서 부담 없이 즐기는 소비가 늘고 있습니다. {topic.Product}처럼 바로 쓰는 혜택에 반응이 좋고, SNS 인증과 재방문 쿠폰을 묶은 이벤트가 효과적입니다.",
        $"{topic.Region} 상권은 평일 저녁과 주말 오후에 유동 인구가 몰립니다. 지역 커뮤니티와 동네 카페 모임 홍보가 잘 통하고, 도보 거리 단골의 재방문을 이끄는 참여형 이벤트가 유리합니다.",
        $"{topic.Season}에는 날씨와 기념일에 맞춘 한정 혜택이 주목을 받습니다. 짧은 기간에 집중하는 이벤트와 선착순 경품이 참여를 끌어올리고, 시즌 해시태그를 단 게시물이 확산에 도움이 됩니다.");
}
