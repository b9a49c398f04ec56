namespace KtEvents.Sandbox.Claude;

/// <summary>
/// One tool's behaviour in <c>PUT /sandbox/claude/scenarios/{apiKey}</c>: a latency (absent = the
/// configured default), a fault (absent = <c>none</c>), and for how many calls the fault applies
/// before the double answers normally (absent = every call).
/// </summary>
public sealed record ToolScenario(int? LatencyMs, string? Fault, int? Times);
