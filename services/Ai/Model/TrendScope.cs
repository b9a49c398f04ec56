namespace KtEvents.Ai.Model;

/// <summary>
/// The past events one trend section is computed over: a filter (null parts match everything), a
/// start date, and how the section describes it to the owner ("최근 3개월", "서울 전체 · 최근 1년"). <see cref="Widened"/> says it is broader than the section's first choice.
/// </summary>
public sealed record TrendScope(string? Industry, string? City, string? District, Season? Season, DateOnly Since, string Description, bool Widened = false);
