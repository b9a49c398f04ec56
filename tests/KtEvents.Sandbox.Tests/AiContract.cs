using System.Text.Json;

namespace KtEvents.Sandbox.Tests;

/// <summary>
/// The contract with the Ai service, written out independently of the double's code so that the
/// double cannot drift from it: what a valid <c>write_trend_narratives</c> and <c>propose_event_plans</c> input is.
/// </summary>
public static class AiContract
{
    public static readonly string[] Slots = ["low-online", "low-offline", "medium-online", "medium-offline", "high-online", "high-offline"];

    private static readonly Dictionary<string, (long Min, long Max)> CostBands = new()
    {
        ["low"] = (250_000, 300_000),
        ["medium"] = (1_500_000, 1_800_000),
        ["high"] = (5_000_000, 6_000_000),
    };

    public static void AssertValidNarratives(JsonElement input)
    {
        foreach (var field in new[] { "industry", "region", "season" })
        {
            var text = input.GetProperty(field).GetString()!;
            Assert.InRange(text.Length, 60, 150);
            Assert.True(IsKorean(text), $"{field} should be Korean: {text}");
        }
    }

    public static void AssertValidPlans(JsonElement input)
    {
        var plans = input.GetProperty("plans").EnumerateArray().ToList();
        Assert.Equal(Slots.Order(), plans.Select(plan => plan.GetProperty("slot").GetString()!).Order());
        foreach (var plan in plans)
        {
            var slot = plan.GetProperty("slot").GetString()!;
            var title = plan.GetProperty("title").GetString()!;
            Assert.InRange(title.Length, 1, 30);
            Assert.True(IsKorean(title), $"{slot}: title should be Korean: {title}");
            Assert.InRange(plan.GetProperty("prize").GetString()!.Length, 1, 20);
            Assert.False(string.IsNullOrWhiteSpace(plan.GetProperty("participation_method").GetString()));
            var lines = plan.GetProperty("promotion_lines").EnumerateArray().Select(line => line.GetString()!).ToList();
            Assert.Equal(5, lines.Count);
            Assert.All(lines, line => Assert.Contains("#", line));
            Assert.True(plan.GetProperty("expected_participants").GetInt32() > 0, slot);
            var (min, max) = CostBands[slot.Split('-')[0]];
            Assert.InRange(plan.GetProperty("cost_krw").GetInt64(), min, max);
            Assert.True(plan.GetProperty("expected_roi_percent").GetInt32() > 0, slot);
            Assert.Contains(plan.GetProperty("kt_membership_points").ValueKind, new[] { JsonValueKind.True, JsonValueKind.False });
            Assert.True(plan.GetProperty("duration_days").GetInt32() > 0, slot);
            Assert.True(plan.GetProperty("prize_quantity").GetInt32() > 0, slot);
        }

        foreach (var kind in new[] { "online", "offline" })
        {
            int Roi(string tier) => plans.Single(plan => plan.GetProperty("slot").GetString() == $"{tier}-{kind}").GetProperty("expected_roi_percent").GetInt32();
            Assert.True(Roi("low") > Roi("medium") && Roi("medium") > Roi("high"), $"{kind}: ROI should fall as the budget rises");
        }
    }

    /// <summary>The slots whose cost lies outside the contract's band.</summary>
    public static IEnumerable<string> SlotsOutOfBudget(JsonElement input) =>
        input.GetProperty("plans").EnumerateArray()
            .Where(plan =>
            {
                var (min, max) = CostBands[plan.GetProperty("slot").GetString()!.Split('-')[0]];
                var cost = plan.GetProperty("cost_krw").GetInt64();
                return cost < min || cost > max;
            })
            .Select(plan => plan.GetProperty("slot").GetString()!);

    private static bool IsKorean(string text) => text.Any(character => character is >= '가' and <= '힣');
}
