namespace KtEvents.Ai.Model;

/// <summary>A value of a ranking (an event type, a prize) with how often it occurred and its average ROI.</summary>
public sealed record RankedValue(string Value, int Count, int AverageRoiPercent);
