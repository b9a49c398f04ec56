/// <summary>A store an owner signs up with, and the purpose of the draft it asks plans for (what the Ai cache key is made of, with the date).</summary>
internal sealed record BenchStore(string Industry, string Address, string Purpose)
{
    private static readonly string[] Industries = ["restaurant", "cafe", "retail", "beauty", "other"];

    // Ten (city, district) pairs the Ai service's RegionParser reads apart.
    private static readonly string[] Addresses =
    [
        "서울특별시 강남구 테헤란로 123",
        "서울특별시 마포구 월드컵북로 45",
        "부산광역시 해운대구 해운대로 570",
        "대구광역시 중구 동성로 12",
        "인천광역시 연수구 센트럴로 160",
        "광주광역시 서구 상무중앙로 61",
        "대전광역시 유성구 대학로 99",
        "경기도 성남시 분당구 판교역로 235",
        "강원특별자치도 춘천시 중앙로 1",
        "제주특별자치도 제주시 연삼로 312",
    ];

    private static readonly string[] Purposes = ["new_customers", "revisit", "sales", "awareness"];

    /// <summary>How many stores <see cref="Distinct"/> can give.</summary>
    public static int DistinctCount => Industries.Length * Addresses.Length;

    /// <summary>
    /// Stores that differ in industry or region, not only in purpose: the trends' cache key has no
    /// purpose, so only a new (industry, region) makes every level of the Ai service's cache miss.
    /// </summary>
    public static IReadOnlyList<BenchStore> Distinct(int count)
    {
        if (count > DistinctCount)
        {
            throw new ArgumentOutOfRangeException(nameof(count), $"At most {DistinctCount} distinct stores.");
        }
        return [.. Enumerable.Range(0, count).Select(i => new BenchStore(
            Industries[i % Industries.Length], Addresses[i / Industries.Length], Purposes[i % Purposes.Length]))];
    }
}
