namespace KtEvents.Sandbox.Claude;

/// <summary>What a Messages call asks for: one of the two tools of the Ai service's contract, or anything else.</summary>
public enum ClaudeTool
{
    /// <summary><c>write_trend_narratives</c>.</summary>
    Trends,

    /// <summary><c>propose_event_plans</c>.</summary>
    Plans,

    /// <summary>A plain text answer (no tool), or a request the double turned down.</summary>
    Other,
}
