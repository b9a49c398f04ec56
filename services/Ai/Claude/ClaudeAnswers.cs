using System.Text.Json;

using KtEvents.Ai.Model;
using KtEvents.Contracts.Ai.V1;

using Microsoft.Extensions.AI;

namespace KtEvents.Ai.Claude;

/// <summary>
/// Reads the tools' arguments into our types, plan by plan: one broken plan costs that slot, not the
/// answer. What cannot be read becomes a problem in words Claude can act on in a repair.
/// </summary>
public static class ClaudeAnswers
{
    public sealed record Narratives(string Industry, string Region, string Season);

    public static JsonElement? Arguments(ChatResponse response, string tool) =>
        response.Messages.SelectMany(m => m.Contents).OfType<FunctionCallContent>().FirstOrDefault(c => c.Name == tool) is { } call
            ? JsonSerializer.SerializeToElement(call.Arguments ?? new Dictionary<string, object?>(), AIJsonUtilities.DefaultOptions)
            : null;

    public static Narratives? ReadNarratives(JsonElement arguments, List<string> problems)
    {
        var industry = String(arguments, "industry");
        var region = String(arguments, "region");
        var season = String(arguments, "season");
        if (industry is null || region is null || season is null)
        {
            problems.Add("industry, region and season must all be strings");
            return null;
        }
        return new Narratives(industry, region, season);
    }

    /// <summary>The plans that could be read, by plan id; each unreadable or repeated one is a problem.</summary>
    public static Dictionary<string, Plan> ReadPlans(JsonElement arguments, List<string> problems)
    {
        var plans = new Dictionary<string, Plan>();
        if (!arguments.TryGetProperty("plans", out var items) || items.ValueKind != JsonValueKind.Array)
        {
            problems.Add("plans: an array of six plans is required");
            return plans;
        }
        var index = 0;
        foreach (var item in items.EnumerateArray())
        {
            var at = $"plans[{index++}]";
            var slotId = item.ValueKind == JsonValueKind.Object ? String(item, "slot") : null;
            var slot = PlanSlot.All.FirstOrDefault(s => s.PlanId == slotId);
            if (slot is null)
            {
                problems.Add($"{at}: slot must be one of {string.Join(", ", PlanSlot.All.Select(s => s.PlanId))}");
                continue;
            }
            if (plans.ContainsKey(slot.PlanId))
            {
                problems.Add($"{slot.PlanId}: proposed more than once");
                continue;
            }
            if (Read(item, slot) is { } plan)
            {
                plans.Add(slot.PlanId, plan);
            }
            else
            {
                problems.Add($"{slot.PlanId}: every field is required with its type (strings, integers, a boolean, five promotion lines)");
            }
        }
        return plans;
    }

    private static Plan? Read(JsonElement item, PlanSlot slot)
    {
        var title = String(item, "title");
        var prize = String(item, "prize");
        var method = String(item, "participation_method");
        var participants = Int32(item, "expected_participants");
        var cost = Integer(item, "cost_krw");
        var roi = Int32(item, "expected_roi_percent");
        var duration = Int32(item, "duration_days");
        var quantity = Int32(item, "prize_quantity");
        var points = item.TryGetProperty("kt_membership_points", out var p) && p.ValueKind is JsonValueKind.True or JsonValueKind.False ? p.GetBoolean() : (bool?)null;
        var lines = item.TryGetProperty("promotion_lines", out var l) && l.ValueKind == JsonValueKind.Array
            && l.EnumerateArray().All(e => e.ValueKind == JsonValueKind.String)
            ? l.EnumerateArray().Select(e => e.GetString()!).ToList()
            : null;
        if (title is null || prize is null || method is null || lines is null || points is null
            || participants is null || cost is null || roi is null || duration is null || quantity is null)
        {
            return null;
        }
        var plan = new Plan
        {
            PlanId = slot.PlanId,
            BudgetTier = slot.Band.Tier,
            Kind = slot.Kind,
            Title = title.Trim(),
            Prize = prize.Trim(),
            ParticipationMethod = method.Trim(),
            ExpectedParticipants = (int)participants.Value,
            CostKrw = cost.Value,
            ExpectedRoiPercent = (int)roi.Value,
            KtMembershipPoints = points.Value,
            DurationDays = (int)duration.Value,
            PrizeQuantity = (int)quantity.Value,
        };
        plan.PromotionLines.AddRange(lines.Select(line => line.Trim()));
        return plan;
    }

    private static string? String(JsonElement item, string name) =>
        item.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static int? Int32(JsonElement item, string name) =>
        Integer(item, name) is { } number && number is >= int.MinValue and <= int.MaxValue ? (int)number : null;

    private static long? Integer(JsonElement item, string name) =>
        item.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var number) ? number : null;
}
