namespace KtEvents.Sandbox.Claude;

/// <summary>What the double does for one call: wait <see cref="Latency"/>, then answer with <see cref="Fault"/>.</summary>
public readonly record struct ToolBehaviour(TimeSpan Latency, ClaudeFault Fault);
