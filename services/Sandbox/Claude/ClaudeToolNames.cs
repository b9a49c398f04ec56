namespace KtEvents.Sandbox.Claude;

/// <summary>The tool names fixed by the contract with the Ai service.</summary>
public static class ClaudeToolNames
{
    public const string WriteTrendNarratives = "write_trend_narratives";
    public const string ProposeEventPlans = "propose_event_plans";

    public static ClaudeTool? Find(string name) => name switch
    {
        WriteTrendNarratives => ClaudeTool.Trends,
        ProposeEventPlans => ClaudeTool.Plans,
        _ => null,
    };
}
