using System.Globalization;

using KtEvents.Contracts.Channels;
using KtEvents.Contracts.Event.V1;

namespace KtEvents.Event.Model;

/// <summary>
/// Cost and expected exposure of each channel (UFR-EVENT-040), from its options. The rates are KT's
/// published small-business price points as the product team gave them; they live here, in one
/// place, so that the estimate the owner approves is the one Distribution and Analytics receive.
/// </summary>
public static class ChannelPricing
{
    public const long GenieTvMinBudget = 100_000;
    public const long GenieTvMaxBudget = 10_000_000;
    public const long GenieTvDefaultBudget = 300_000;

    private static readonly string[] TimeSlots = ["weekday_evening", "weekend_lunch", "all_day"];

    /// <summary>Checks a selection and prices it; <paramref name="errors"/> gets Korean messages keyed by field.</summary>
    public static ChannelPlan? Estimate(IEnumerable<ChannelChoice> choices, IDictionary<string, string[]> errors)
    {
        var plan = new ChannelPlan();
        var seen = new HashSet<string>();
        foreach (var choice in choices)
        {
            if (!ChannelCodes.IsKnown(choice.Channel))
            {
                errors["channels"] = ["알 수 없는 배포 채널입니다."];
                continue;
            }

            if (!seen.Add(choice.Channel))
            {
                errors["channels"] = ["같은 채널을 두 번 선택할 수 없습니다."];
                continue;
            }

            if (Price(choice, errors) is { } estimate)
            {
                plan.Channels.Add(estimate);
            }
        }

        if (errors.Count > 0)
        {
            return null;
        }

        plan.TotalCostKrw = plan.Channels.Sum(c => c.CostKrw);
        plan.TotalExposure = plan.Channels.Sum(c => c.ExpectedExposure);
        return plan;
    }

    private static ChannelEstimate? Price(ChannelChoice choice, IDictionary<string, string[]> errors)
    {
        var options = choice.Options;
        var field = $"channels.{choice.Channel}";
        var estimate = new ChannelEstimate { Channel = choice.Channel };
        switch (choice.Channel)
        {
            case ChannelCodes.UriDongneTv:
            {
                var radius = Option(options, "radius", "500m");
                var slot = Option(options, "timeSlot", "weekday_evening");
                if (radius is not ("500m" or "1km") || !TimeSlots.Contains(slot))
                {
                    errors[field] = ["우리동네TV의 반경과 송출 시간대를 선택해주세요."];
                    return null;
                }

                var (cost, exposure) = radius == "1km" ? (150_000L, 12_000L) : (80_000L, 5_000L);
                estimate.Options.Add(new Dictionary<string, string> { ["radius"] = radius, ["timeSlot"] = slot });
                estimate.CostKrw = cost;
                estimate.ExpectedExposure = (long)(exposure * SlotFactor(slot));
                return estimate;
            }

            case ChannelCodes.RingoBiz:
                // A month of the ring-back tone; exposure is the calls a small store receives in that time.
                estimate.CostKrw = 30_000;
                estimate.ExpectedExposure = 1_500;
                return estimate;

            case ChannelCodes.GenieTv:
            {
                var slot = Option(options, "timeSlot", "weekday_evening");
                var region = Option(options, "region", "").Trim();
                var budgetText = Option(options, "budget", GenieTvDefaultBudget.ToString(CultureInfo.InvariantCulture));
                if (!long.TryParse(budgetText, NumberStyles.None, CultureInfo.InvariantCulture, out var budget)
                    || budget is < GenieTvMinBudget or > GenieTvMaxBudget)
                {
                    errors[field] = ["지니TV 광고 예산은 100,000원부터 10,000,000원까지 입력할 수 있습니다."];
                    return null;
                }

                if (!TimeSlots.Contains(slot) || region.Length is 0 or > 50)
                {
                    errors[field] = ["지니TV의 타겟 지역과 노출 시간대를 선택해주세요."];
                    return null;
                }

                estimate.Options.Add(new Dictionary<string, string>
                {
                    ["region"] = region,
                    ["timeSlot"] = slot,
                    ["budget"] = budget.ToString(CultureInfo.InvariantCulture),
                });
                estimate.CostKrw = budget;
                // CPM of 25,000원: 40 impressions per 1,000원.
                estimate.ExpectedExposure = (long)(budget / 25 * SlotFactor(slot));
                return estimate;
            }

            case ChannelCodes.Instagram or ChannelCodes.NaverBlog or ChannelCodes.KakaoChannel:
            {
                if (options.TryGetValue("scheduledAt", out var scheduledAt) && scheduledAt.Length > 0)
                {
                    if (!DateTimeOffset.TryParse(scheduledAt, CultureInfo.InvariantCulture, DateTimeStyles.None, out var at))
                    {
                        errors[field] = ["예약 시간을 다시 확인해주세요."];
                        return null;
                    }

                    estimate.Options.Add("scheduledAt", at.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture));
                }

                // Posting to the store's own accounts costs nothing; exposure is the typical organic reach.
                estimate.CostKrw = 0;
                estimate.ExpectedExposure = choice.Channel switch
                {
                    ChannelCodes.Instagram => 2_000,
                    ChannelCodes.NaverBlog => 1_500,
                    _ => 3_000,
                };
                return estimate;
            }

            default:
                return null;
        }
    }

    private static string Option(IDictionary<string, string> options, string key, string fallback) =>
        options.TryGetValue(key, out var value) && !string.IsNullOrWhiteSpace(value) ? value : fallback;

    private static double SlotFactor(string slot) => slot switch
    {
        "all_day" => 1.5,
        "weekday_evening" => 1.2,
        _ => 1.0,
    };
}
