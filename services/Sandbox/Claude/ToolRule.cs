namespace KtEvents.Sandbox.Claude;

/// <summary>A validated <see cref="ToolScenario"/>; <see cref="Times"/> null means the fault never runs out.</summary>
public sealed record ToolRule(TimeSpan? Latency, ClaudeFault Fault, int? Times);
