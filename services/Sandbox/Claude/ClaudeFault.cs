namespace KtEvents.Sandbox.Claude;

/// <summary>How a scenario makes the double misbehave (wire names in <see cref="ClaudeFaults"/>).</summary>
public enum ClaudeFault
{
    None,
    MalformedJson,
    InvalidInput,
    MissingPlan,
    WrongBudget,
    Error400,
    Error429,
    Error529,
    Error500,
    Hang,
}
