using System.Globalization;

using KtEvents.Ai.Model;
using KtEvents.Contracts.Ai.V1;

namespace KtEvents.Ai.Recommendations;

/// <summary>
/// Writes the trend sections' Korean titles, figures and narratives (about 100 characters) from
/// the aggregates, with templated sentences: every number in the text is a number from the data.
/// </summary>
public sealed class TrendWriter
{
    private const string NoData = "사례 부족";

    public TrendSection Industry(RecommendationInput input, ScopeAggregate data)
    {
        var industry = Industries.KoreanName(input.Industry);
        var section = new TrendSection { Title = $"{industry} 업종 트렌드" };
        var types = data.SuccessfulEventTypes;
        section.Figures.Add(Figure("최근 성공한 이벤트 유형", types.Count == 0 ? NoData
            : string.Join(", ", types.Select(t => $"{t.Value} ({Percent(t.Count, data.Successes)}%)"))));
        section.Figures.Add(Figure("고객 선호 경품 Top 5", data.TopPrizes.Count == 0 ? NoData
            : string.Join(", ", data.TopPrizes.Select((p, i) => $"{i + 1}. {p.Value}"))));
        section.Figures.Add(Figure("효과적인 참여 방법", data.EffectiveMethods.Count == 0 ? NoData
            : string.Join(", ", data.EffectiveMethods.Take(2).Select(m => $"{m.Value} (평균 ROI {m.AverageRoiPercent}%)"))));
        section.Figures.Add(Figure("분석 범위", $"{data.Scope.Description} · 성공 {data.Successes}건 / 전체 {data.Cases}건"));

        section.Narrative = types.Count == 0 || data.TopPrizes.Count == 0 || data.EffectiveMethods.Count == 0
            ? $"{data.Scope.Description} {industry} 업종의 성공 사례가 아직 적어 업종 경향을 말하기 어렵습니다. 지역과 시즌 흐름을 함께 참고해 주세요."
            : Widened(data.Scope)
                + $"{data.Scope.Description} {industry} 업종 성공 사례 {data.Successes}건 중 '{types[0].Value}' 이벤트가 "
                + $"{Percent(types[0].Count, data.Successes)}%로 가장 많았고, 경품은 '{Korean.WithParticle(data.TopPrizes[0].Value, "'이", "'가")} 인기였습니다. "
                + $"참여 방법은 '{data.EffectiveMethods[0].Value}'의 평균 ROI가 {data.EffectiveMethods[0].AverageRoiPercent}%로 가장 높았습니다.";
        return section;
    }

    public TrendSection Region(RecommendationInput input, ScopeAggregate data, ScopeAggregate country)
    {
        var label = data.Scope.City is null ? "전국" : data.Scope.District is null ? data.Scope.City : $"{data.Scope.City} {data.Scope.District}";
        var section = new TrendSection { Title = $"{input.Region.Label} 지역 특성" };
        var rate = data.SuccessRatePercent;
        var countryRate = country.SuccessRatePercent;
        section.Figures.Add(Figure("지역별 이벤트 성공률", data.Cases == 0 ? NoData : $"{label} {rate}% (전국 {countryRate}%)"));
        section.Figures.Add(Figure("지역 평균 참여자", data.Cases == 0 ? NoData : $"{data.AverageParticipants.ToString("N0", CultureInfo.InvariantCulture)}명"));
        section.Figures.Add(Figure("지역 인기 이벤트 유형", data.SuccessfulEventTypes.Count == 0 ? NoData : data.SuccessfulEventTypes[0].Value));
        section.Figures.Add(Figure("분석 범위", $"{label} · {data.Scope.Description} · {data.Cases}건"));

        var comparison = (rate - countryRate) switch
        {
            >= 3 => "보다 높습니다",
            <= -3 => "보다 낮습니다",
            _ => "와 비슷합니다", // after "…%", read 퍼센트
        };
        section.Narrative = data.Cases == 0 || data.SuccessfulEventTypes.Count == 0
            ? $"{input.Region.Label} 지역의 사례가 아직 적어 지역 경향을 말하기 어렵습니다. 업종과 시즌 흐름을 함께 참고해 주세요."
            : Widened(data.Scope)
                + $"{label} 지역의 이벤트 성공률은 {rate}%로 전국 평균 {countryRate}%{comparison}. "
                + $"평균 참여자는 {data.AverageParticipants.ToString("N0", CultureInfo.InvariantCulture)}명이며, '{data.SuccessfulEventTypes[0].Value}' 이벤트의 반응이 가장 좋았습니다.";
        return section;
    }

    public TrendSection Season(RecommendationInput input, ScopeAggregate data)
    {
        var season = Seasons.KoreanName(input.Season);
        var specialDays = input.SpecialDays;
        var section = new TrendSection
        {
            Title = specialDays.Count == 0 ? $"{season} 시즌 트렌드" : $"{season} · {specialDays[0].Name} 시즌 트렌드",
        };
        var best = data.EffectiveMethods.Count > 0 ? data.EffectiveMethods[0] : data.SuccessfulEventTypes.FirstOrDefault();
        section.Figures.Add(Figure("계절별 추천 이벤트", best is null ? NoData : $"{best.Value} (평균 ROI {best.AverageRoiPercent}%)"));
        section.Figures.Add(Figure("특별 이벤트 시즌", specialDays.Count == 0 ? "해당 기간 특별 시즌 없음"
            : string.Join(", ", specialDays.Select(d => $"{d.Name} ({d.Date.Month}/{d.Date.Day})"))));
        section.Figures.Add(Figure("시즌 평균 ROI", data.Cases == 0 ? NoData : $"{data.AverageRoiPercent}%"));
        section.Figures.Add(Figure("분석 범위", $"{season} · {data.Scope.Description} · {data.Cases}건"));

        var special = specialDays.Count == 0
            ? $"큰 기념일이 없는 시기라 {season} 분위기를 살린 이벤트를 추천합니다."
            : $"다가오는 {string.Join("·", specialDays.Select(d => d.Name))}에 맞춘 한정 이벤트로 관심을 모아 보세요.";
        section.Narrative = best is null
            ? $"{season}({Seasons.Months(input.Season)}) 사례가 아직 적습니다. {special}"
            : Widened(data.Scope)
                + $"{season}({Seasons.Months(input.Season)})에는 '{best.Value}' 이벤트의 평균 ROI가 {best.AverageRoiPercent}%로 가장 높았습니다. {special}";
        return section;
    }

    private static string Widened(TrendScope scope) =>
        scope.Widened ? $"사례가 적어 범위를 {Korean.WithDirectional(scope.Description)} 넓혔습니다. " : "";

    private static TrendFigure Figure(string label, string value) => new() { Label = label, Value = value };

    private static int Percent(int part, int whole) => whole == 0 ? 0 : (int)Math.Round(100.0 * part / whole);
}
