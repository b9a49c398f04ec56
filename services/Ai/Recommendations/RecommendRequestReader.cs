using System.Globalization;

using KtEvents.Ai.Model;
using KtEvents.Contracts.Ai.V1;
using KtEvents.Contracts.Problems;

namespace KtEvents.Ai.Recommendations;

/// <summary>
/// Checks a <see cref="RecommendRequest"/> and reads it into a <see cref="RecommendationInput"/>;
/// anything wrong is INVALID_ARGUMENT with a Korean message per field (ServiceProblem.Validation).
/// An empty date means today in Seoul; an address without a recognisable province is allowed and
/// gives nationwide region trends.
/// </summary>
public static class RecommendRequestReader
{
    /// <summary>Events are planned for the coming year; a date further away is a mistake.</summary>
    public const int MaxDaysAway = 366;

    public static RecommendationInput Read(RecommendRequest request, DateOnly today)
    {
        var errors = new Dictionary<string, string[]>();
        if (!Industries.IsKnown(request.Industry))
        {
            errors["industry"] = ["업종은 음식점, 카페, 소매점, 미용, 기타 중 하나여야 합니다."];
        }
        if (string.IsNullOrWhiteSpace(request.Address))
        {
            errors["address"] = ["매장 주소를 입력해 주세요."];
        }
        if (request.Purpose == EventPurpose.Unspecified || !Enum.IsDefined(request.Purpose))
        {
            errors["purpose"] = ["이벤트 목적을 선택해 주세요."];
        }

        var date = today;
        if (request.Date.Length > 0
            && !DateOnly.TryParseExact(request.Date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
        {
            errors["date"] = ["날짜는 yyyy-MM-dd 형식이어야 합니다."];
        }
        else if (date.DayNumber < today.DayNumber - 1)
        {
            // A day of slack: the caller's "today" may still be yesterday in Seoul for a moment.
            errors["date"] = ["지난 날짜에는 이벤트를 추천할 수 없습니다."];
        }
        else if (date.DayNumber > today.DayNumber + MaxDaysAway)
        {
            errors["date"] = ["날짜는 오늘부터 1년 이내여야 합니다."];
        }

        if (errors.Count > 0)
        {
            throw ServiceProblem.Validation(errors);
        }
        return new RecommendationInput(request.Industry, RegionParser.Parse(request.Address), request.Purpose, date);
    }
}
