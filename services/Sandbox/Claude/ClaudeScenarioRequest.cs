namespace KtEvents.Sandbox.Claude;

/// <summary>Body of <c>PUT /sandbox/claude/scenarios/{apiKey}</c>; a tool left out behaves by default.</summary>
public sealed record ClaudeScenarioRequest(ToolScenario? Trends, ToolScenario? Plans);
