namespace KtEvents.Sandbox.Claude;

/// <summary>Answer of <c>GET /sandbox/claude/calls/{apiKey}</c>: the Messages calls received per tool.</summary>
public sealed record ClaudeCallCounts(int Trends, int Plans, int Other);
