namespace KtEvents.Ai.Model;

/// <summary>
/// Reads the region from a Korean road or lot address, as seed 003 §3.1 does with regular expressions:
/// "서울특별시 강남구 테헤란로 123" → (서울, 강남구), "경기도 성남시 분당구 …" → (경기, 분당구),
/// "강원특별자치도 춘천시 …" → (강원, 춘천시). Official long names and common short forms both work.
/// </summary>
public static class RegionParser
{
    // Long and short spellings of the 17 provinces, longest first so "충청북도" is not read as "충청".
    private static readonly (string Spelling, string City)[] Cities =
    [
        ("서울특별시", "서울"), ("서울시", "서울"), ("서울", "서울"),
        ("부산광역시", "부산"), ("부산시", "부산"), ("부산", "부산"),
        ("대구광역시", "대구"), ("대구시", "대구"), ("대구", "대구"),
        ("인천광역시", "인천"), ("인천시", "인천"), ("인천", "인천"),
        ("광주광역시", "광주"), ("광주", "광주"),
        ("대전광역시", "대전"), ("대전시", "대전"), ("대전", "대전"),
        ("울산광역시", "울산"), ("울산시", "울산"), ("울산", "울산"),
        ("세종특별자치시", "세종"), ("세종시", "세종"), ("세종", "세종"),
        ("경기도", "경기"), ("경기", "경기"),
        ("강원특별자치도", "강원"), ("강원도", "강원"), ("강원", "강원"),
        ("충청북도", "충북"), ("충북", "충북"),
        ("충청남도", "충남"), ("충남", "충남"),
        ("전북특별자치도", "전북"), ("전라북도", "전북"), ("전북", "전북"),
        ("전라남도", "전남"), ("전남", "전남"),
        ("경상북도", "경북"), ("경북", "경북"),
        ("경상남도", "경남"), ("경남", "경남"),
        ("제주특별자치도", "제주"), ("제주도", "제주"), ("제주", "제주"),
    ];

    public static Region Parse(string? address)
    {
        if (string.IsNullOrWhiteSpace(address))
        {
            return Region.Unknown;
        }
        var tokens = address.Split([' ', ',', '\t'], StringSplitOptions.RemoveEmptyEntries);
        var cityIndex = Array.FindIndex(tokens, token => CityOf(token) is not null);
        if (cityIndex < 0)
        {
            return Region.Unknown;
        }
        var rest = tokens.Skip(cityIndex + 1).Take(3).ToArray();
        // A 구 wins over the 시 that contains it (성남시 분당구 → 분당구), as in seed 003's pattern.
        var district = Array.Find(rest, t => IsDistrict(t, "구"))
            ?? Array.Find(rest, t => IsDistrict(t, "시") || IsDistrict(t, "군"))
            ?? "";
        return new Region(CityOf(tokens[cityIndex])!, district);
    }

    private static string? CityOf(string token) =>
        Array.Find(Cities, c => c.Spelling == token).City;

    private static bool IsDistrict(string token, string suffix) =>
        token.Length >= 2 && token.EndsWith(suffix, StringComparison.Ordinal) && token.All(IsHangul);

    private static bool IsHangul(char c) => c is >= '가' and <= '힣';
}
