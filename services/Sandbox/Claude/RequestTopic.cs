namespace KtEvents.Sandbox.Claude;

/// <summary>
/// The words the double varies its answers by, found in the users' text (first match wins; a
/// generic word when nothing matches), so that a 카페 in 서울 and a 치킨집 in 부산 get different plans.
/// </summary>
public sealed record RequestTopic(string Industry, string Product, string Hashtag, string Region, string Season)
{
    private static readonly (string[] Keywords, string Industry, string Product, string Hashtag)[] Industries =
    [
        (["카페", "커피"], "카페", "아메리카노", "#카페"),
        (["베이커리", "빵집", "제과"], "베이커리", "수제 식빵", "#빵집"),
        (["치킨"], "치킨집", "치킨 교환권", "#치킨"),
        (["음식점", "식당", "한식", "분식"], "음식점", "점심 식사권", "#맛집"),
        (["미용실", "헤어", "네일"], "미용실", "커트 이용권", "#미용실"),
        (["꽃집", "플라워"], "꽃집", "미니 꽃다발", "#꽃집"),
        (["학원", "교습소"], "학원", "체험 수업권", "#학원"),
        (["헬스", "피트니스", "필라테스", "요가"], "피트니스", "PT 체험권", "#운동"),
    ];

    private static readonly string[] Regions =
    [
        "서울", "부산", "대구", "인천", "광주", "대전", "울산", "세종", "경기", "강원",
        "충북", "충남", "전북", "전남", "경북", "경남", "제주",
    ];

    private static readonly (string Keyword, string Season)[] Seasons =
    [
        ("봄", "봄"), ("여름", "여름"), ("가을", "가을"), ("겨울", "겨울"), ("크리스마스", "겨울"), ("연말", "겨울"),
    ];

    public static RequestTopic From(string userText)
    {
        var industry = Industries.FirstOrDefault(entry => entry.Keywords.Any(userText.Contains));
        var region = Regions.FirstOrDefault(userText.Contains) ?? "우리 동네";
        var season = Seasons.FirstOrDefault(entry => userText.Contains(entry.Keyword, StringComparison.Ordinal)).Season ?? "이번 시즌";
        return industry.Industry is null
            ? new RequestTopic("매장", "모바일 상품권", "#우리동네", region, season)
            : new RequestTopic(industry.Industry, industry.Product, industry.Hashtag, region, season);
    }

    /// <summary>0–5, the same for the same industry in every process (string.GetHashCode is randomised per process).</summary>
    public int Variant => Industry.Sum(character => character) % 6;
}
