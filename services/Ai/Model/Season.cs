namespace KtEvents.Ai.Model;

/// <summary>Meteorological seasons as seed 003 §3.1 tags them (봄 3–5월, 여름 6–8월, 가을 9–11월, 겨울 12–2월).</summary>
public enum Season
{
    Spring,
    Summer,
    Autumn,
    Winter,
}
