namespace KtEvents.Sandbox.Claude;

/// <summary>The faults' names in the scenario API.</summary>
public static class ClaudeFaults
{
    private static readonly Dictionary<string, ClaudeFault> ByName = new(StringComparer.Ordinal)
    {
        ["none"] = ClaudeFault.None,
        ["malformed_json"] = ClaudeFault.MalformedJson,
        ["invalid_input"] = ClaudeFault.InvalidInput,
        ["missing_plan"] = ClaudeFault.MissingPlan,
        ["wrong_budget"] = ClaudeFault.WrongBudget,
        ["error_400"] = ClaudeFault.Error400,
        ["error_429"] = ClaudeFault.Error429,
        ["error_529"] = ClaudeFault.Error529,
        ["error_500"] = ClaudeFault.Error500,
        ["hang"] = ClaudeFault.Hang,
    };

    public static IEnumerable<string> Names => ByName.Keys;

    public static bool TryParse(string? name, out ClaudeFault fault)
    {
        if (name is null)
        {
            fault = ClaudeFault.None;
            return true;
        }

        return ByName.TryGetValue(name, out fault);
    }

    /// <summary>Faults that only make sense for <c>propose_event_plans</c>.</summary>
    public static bool IsPlansOnly(ClaudeFault fault) => fault is ClaudeFault.MissingPlan or ClaudeFault.WrongBudget;
}
