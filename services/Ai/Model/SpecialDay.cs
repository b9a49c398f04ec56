namespace KtEvents.Ai.Model;

/// <summary>A holiday or shopping day that shapes what events work around it.</summary>
public sealed record SpecialDay(string Name, DateOnly Date);
