namespace KtEvents.Ai.Model;

/// <summary>
/// Where a store or a past event is: a short province name (서울, 경기, 부산 …) and the district
/// (강남구, 분당구; a 시 or 군 where there is no 구). Empty parts mean "unknown".
/// </summary>
public sealed record Region(string City, string District)
{
    public static Region Unknown { get; } = new("", "");

    public bool HasCity => City.Length > 0;

    public bool HasDistrict => District.Length > 0;

    /// <summary>"서울 강남구", "서울", or "전국" when nothing is known.</summary>
    public string Label => (HasCity, HasDistrict) switch
    {
        (true, true) => $"{City} {District}",
        (true, false) => City,
        _ => "전국",
    };
}
